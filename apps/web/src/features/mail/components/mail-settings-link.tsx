import { Link } from '@tanstack/react-router';
import { useMailText } from '../messages';

/** The header's link to メール通知の設定 (for the signed-in person). */
export function MailSettingsLink() {
  const text = useMailText();
  return (
    <Link to="/settings/mail" className="link text-std-16N-170">
      {text('headerLink')}
    </Link>
  );
}
