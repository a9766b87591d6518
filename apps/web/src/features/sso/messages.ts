import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The single sign-on texts, Japanese first (kept beside the feature). */
const ja = {
  button: '統合認証でログイン',
  hint: '市の職員アカウント（統合認証）でログインします。',
  orLocal: 'または、ログインIDとパスワードでログイン',
  localDisabled: 'この環境では、統合認証でのみログインできます。',
  errorTitle: '統合認証でログインできませんでした',
  'error.failed': '認証の結果を確認できませんでした。もう一度お試しください。',
  'error.cancelled': 'ログインが取り消されました。',
  'error.expired':
    'ログインの手続きの有効期限が切れました（10分）。もう一度「統合認証でログイン」を押してください。',
  'error.deactivated': 'このアカウントは利用停止中です。システム管理者にお問い合わせください。',
  'error.account_conflict':
    '同じログインIDのアカウントが既にあるため、自動では登録できません。システム管理者にお問い合わせください。',
  'error.unavailable': '統合認証サーバーに接続できませんでした。時間をおいて、もう一度お試しください。',
};

const en: Record<keyof typeof ja, string> = {
  button: 'Sign in with single sign-on',
  hint: 'Sign in with your city staff account (single sign-on).',
  orLocal: 'Or sign in with a login ID and password',
  localDisabled: 'This installation accepts single sign-on only.',
  errorTitle: 'Single sign-on did not sign you in',
  'error.failed': 'The sign-in answer could not be verified. Please try again.',
  'error.cancelled': 'The sign-in was cancelled.',
  'error.expired': 'The sign-in took too long (10 minutes). Press “Sign in with single sign-on” again.',
  'error.deactivated': 'This account is suspended. Please contact the system administrator.',
  'error.account_conflict':
    'An account with the same login ID already exists, so it cannot be registered automatically. Please contact the system administrator.',
  'error.unavailable': 'The single sign-on server could not be reached. Please try again later.',
};

export type SsoTextKey = keyof typeof ja;

/** The texts of this feature in the current UI language. */
export function useSsoText(): (key: SsoTextKey) => string {
  const { language } = useLanguage();
  const texts = language === 'en' ? en : ja;
  return (key) => texts[key];
}

const ERROR_REASONS = [
  'failed',
  'cancelled',
  'expired',
  'deactivated',
  'account_conflict',
  'unavailable',
] as const;

/** The message key for a `sso_error` reason from the server (an unknown one reads as failed). */
export function ssoErrorKey(reason: string): SsoTextKey {
  return (ERROR_REASONS as readonly string[]).includes(reason)
    ? (`error.${reason}` as SsoTextKey)
    : 'error.failed';
}
