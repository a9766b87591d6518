import type { LocalizedText } from '@totonoe/domain';

/** The error codes the API can answer with, their HTTP status and their messages. */
export const ERROR_CATALOG = {
  validation_failed: { status: 400, ja: '入力内容に誤りがあります。', en: 'The request is not valid.' },
  malformed_json: {
    status: 400,
    ja: 'JSON の形式が正しくありません。',
    en: 'The request body is not valid JSON.',
  },
  invalid_credentials: {
    status: 401,
    ja: 'ログインIDまたはパスワードが正しくありません。',
    en: 'The login or password is incorrect.',
  },
  unauthenticated: { status: 401, ja: 'ログインしてください。', en: 'Please sign in.' },
  forbidden: { status: 403, ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  bad_origin: {
    status: 403,
    ja: '送信元が確認できないため、要求を受け付けませんでした。',
    en: 'The request origin could not be verified.',
  },
  not_found: { status: 404, ja: '対象が見つかりません。', en: 'Not found.' },
  method_not_allowed: { status: 405, ja: 'この操作には対応していません。', en: 'Method not allowed.' },
  conflict: {
    status: 409,
    ja: '他のデータと競合しています。',
    en: 'The request conflicts with existing data.',
  },
  invalid_transition: {
    status: 409,
    ja: 'この状態からは移行できません。',
    en: 'This state change is not allowed.',
  },
  precondition_failed: {
    status: 412,
    ja: '他の人が先に更新しました。最新の内容を確認してから、もう一度保存してください。',
    en: 'Someone else changed this first. Review the latest version and save again.',
  },
  payload_too_large: { status: 413, ja: 'データが大きすぎます。', en: 'The request is too large.' },
  unsupported_media_type: {
    status: 415,
    ja: 'この形式のデータは受け付けられません。',
    en: 'This content type is not supported.',
  },
  unprocessable: { status: 422, ja: '内容を処理できません。', en: 'The request cannot be processed.' },
  self_approval: {
    status: 403,
    ja: '自分が起案した文書を自分で決裁することはできません。別の決裁者が必要です。',
    en: 'You cannot approve a draft you submitted yourself; another approver is required.',
  },
  outside_target_span: {
    status: 422,
    ja: '効果額の年度が目標の対象期間外です。',
    en: 'The effect’s fiscal year is outside the target’s span.',
  },
  kpi_target_missing: {
    status: 422,
    ja: 'この年度の目標値が設定されていないため、達成率を求められません。先に目標値を設定してください。',
    en: 'This KPI has no target for the year, so no achievement rate can be given. Set the target first.',
  },
  csv_encoding_mismatch: {
    status: 422,
    ja: 'ファイルの文字コードが指定と一致しません。UTF-8 または Shift_JIS の CSV を、正しい文字コードを指定して取り込んでください。',
    en: 'The file is not in the stated encoding. Import a UTF-8 or Shift_JIS CSV with the right encoding.',
  },
  csv_rows_invalid: {
    status: 422,
    ja: 'CSV に誤りのある行があります。すべての行を直してから取り込んでください（何も登録していません）。',
    en: 'Some CSV rows have errors. Fix every row and import again (nothing was saved).',
  },
  redacted_file_required: {
    status: 422,
    ja: '黒塗りが必要な資料は、黒塗り済みファイルを登録するまで公開できません。',
    en: 'A material marked for redaction cannot be published before its redacted file is uploaded.',
  },
  submission_closed: {
    status: 409,
    ja: 'アイデアの募集期間外のため、投稿・編集できません。',
    en: 'The idea submission period is closed, so ideas cannot be submitted or edited.',
  },
  own_idea_support: {
    status: 422,
    ja: '自分のアイデアには賛同できません。',
    en: 'You cannot support your own idea.',
  },
  local_login_disabled: {
    status: 403,
    ja: 'ID・パスワードでのログインは停止されています。「統合認証でログイン」からログインしてください。',
    en: 'Sign-in with a login and password is turned off. Use single sign-on instead.',
  },
  import_file_unreadable: {
    status: 422,
    ja: 'ファイルを読み込めませんでした。Excel ブック（.xlsx）か CSV（UTF-8 または Shift_JIS）を選んでください。',
    en: 'The file could not be read. Choose an Excel workbook (.xlsx) or a CSV (UTF-8 or Shift_JIS).',
  },
  import_rows_invalid: {
    status: 422,
    ja: '誤りのある行があるため取り込めません。すべての行を直してから、もう一度取り込んでください（何も登録していません）。',
    en: 'Some rows have errors, so nothing was imported. Fix every row and try again (nothing was saved).',
  },
  import_not_ready: {
    status: 409,
    ja: 'この取込は今の状態では実行できません（確認中・取込済み・取消済みのいずれかです）。',
    en: 'This import cannot do that in its current state (being checked, already imported or discarded).',
  },
  import_changed: {
    status: 409,
    ja: '確認の後に登録済みのデータが変わったため、取り込めませんでした。確認結果を更新しましたので、内容を見直してください（何も登録していません）。',
    en: 'The stored data changed after the check, so nothing was imported. The preview was refreshed: review it (nothing was saved).',
  },
  precondition_required: {
    status: 428,
    ja: '更新には If-Match ヘッダー（取得時の ETag）が必要です。',
    en: 'Updates need an If-Match header with the ETag you read.',
  },
  too_many_attempts: {
    status: 429,
    ja: 'ログインの失敗が続いたため、しばらくの間ログインできません。15分ほど後にもう一度お試しください。',
    en: 'Too many failed sign-ins. Try again in about 15 minutes.',
  },
  internal_error: {
    status: 500,
    ja: 'システム内部でエラーが発生しました。時間をおいて再度お試しください。',
    en: 'An internal error occurred. Please try again later.',
  },
  report_renderer_unavailable: {
    status: 503,
    ja: 'PDF を作成できません（印刷用のブラウザーが使えません）。しばらくしてから再度お試しいただくか、PowerPoint・Excel 形式をご利用ください。',
    en: 'The PDF cannot be made right now (the print browser is not available). Try again later, or use the PowerPoint or Excel format.',
  },
  report_busy: {
    status: 429,
    ja: '出力の依頼が多すぎます。実行中の出力が終わってから、もう一度お試しください。',
    en: 'Too many exports are running. Try again when one has finished.',
  },
  service_unavailable: {
    status: 503,
    ja: 'データベースに接続できません。しばらくしてから再度お試しください。',
    en: 'The database is not available. Please try again shortly.',
  },
  database_busy: {
    status: 503,
    ja: 'ただいま混み合っているため、処理できませんでした（何も変更していません）。数秒後にもう一度お試しください。',
    en: 'The server is busy, so the request was not processed (nothing was changed). Please try again in a few seconds.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type FieldError = { path: string; messages: LocalizedText };

/** The one error type of the server: a code, an HTTP status and messages in Japanese and English. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messages: LocalizedText;
  readonly fieldErrors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      messages?: Partial<LocalizedText>;
      fieldErrors?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    const entry = ERROR_CATALOG[code];
    super(options.messages?.en ?? entry.en);
    this.code = code;
    this.status = entry.status;
    this.messages = { ja: options.messages?.ja ?? entry.ja, en: options.messages?.en ?? entry.en };
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers;
  }
}

/** Shorthand for a 404 that never says whether the record exists elsewhere. */
export function notFound(): AppError {
  return new AppError('not_found');
}

/** Shorthand for a 403. */
export function forbidden(): AppError {
  return new AppError('forbidden');
}
