import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; parsed: ParsedMail };

export type TestSmtpServer = {
  port: number;
  received: ReceivedMail[];
  /** Waits until at least `count` mails arrived in total (or fails after the timeout). */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  /** Stops listening (connections are refused until `restart`). */
  stop: () => Promise<void>;
  /** Listens again on the same port. */
  restart: () => Promise<void>;
  /** Recipients whose mail is refused with a permanent error (550). */
  rejectRecipient: (address: string) => void;
};

/** A real SMTP server on a loopback port (`smtp-server`), without TLS or authentication, that keeps what it receives. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejected = new Set<string>();
  let port = 0;
  let server: SMTPServer;

  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (rejected.has(address.address)) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  await listen();

  return {
    get port() {
      return port;
    },
    received,
    waitFor: async (count, timeoutMs = 10_000) => {
      const started = Date.now();
      while (received.length < count) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    restart: listen,
    rejectRecipient: (address) => {
      rejected.add(address);
    },
  };
}
