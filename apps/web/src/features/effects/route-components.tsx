import { getRouteApi } from '@tanstack/react-router';
import { LedgerPage } from './components/ledger-page';

const ledgerApi = getRouteApi('/authenticated/effects');

/** The effect ledger's route component. */
export function LedgerRoute() {
  const { me } = ledgerApi.useRouteContext();
  return <LedgerPage me={me} />;
}
