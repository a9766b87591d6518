import { DataDirectoryLockedError } from './db/embedded.ts';
import { loadConfig } from './env.ts';
import { logger } from './lib/logger.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-organisation.ts';
import { isDemoLoaded } from './seed/load-demo-data.ts';
import { startServer } from './server.ts';

process.on('unhandledRejection', (reason) => {
  logger.error('unhandled rejection', { reason: String((reason as Error)?.stack ?? reason) });
});

async function main(): Promise<void> {
  const config = loadConfig();
  logger.setLevel(config.logLevel);
  const running = await startServer(config);
  const hasDemo = await isDemoLoaded(running.database.db);
  const lines = [
    '',
    `Totonoe が起動しました / Totonoe is running: ${running.url}`,
    `データベース / Database: ${running.database.kind === 'embedded' ? `埋め込み (PGlite) ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (hasDemo) {
    lines.push(
      `デモ用ログイン（パスワードはすべて ${DEMO_PASSWORD}）/ Demo sign-ins (password ${DEMO_PASSWORD}):`,
    );
    for (const user of DEMO_USERS)
      lines.push(`  ${user.login.padEnd(14)} ${user.roles.map((grant) => grant.role).join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info('stopping', { signal });
    await running.close().catch((error) => logger.error('close failed', { error: String(error) }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof DataDirectoryLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `起動できませんでした / Failed to start: ${String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
