import { Link } from '@tanstack/react-router';
import { useImportText } from '../messages';

/** The administration navigation's link to the import page. */
export function ImportsNavLink({
  className,
  activeClassName,
}: {
  className: string;
  activeClassName: string;
}) {
  const text = useImportText();
  return (
    <Link to="/imports" className={className} activeProps={{ className: activeClassName }}>
      {text('title')}
    </Link>
  );
}
