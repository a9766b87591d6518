import type { Transaction } from '../../db/client.ts';
import type { DemoContext, DemoExtension } from '../../seed/load-demo-data.ts';
import { saveMailSettings } from './mail.queries.ts';

/** The demo's mail settings: the mayor reads one digest a day; everyone else gets mail at once (the default). */
export const mailDemo: DemoExtension = {
  name: 'mail',
  load: async (tx: Transaction, context: DemoContext) => {
    const mayor = context.userIdByLogin.get('mayor');
    if (mayor) await saveMailSettings(tx, mayor, 'daily_digest', 0);
  },
};
