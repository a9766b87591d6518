export { enqueueMail, type MailToEnqueue } from './enqueue-mail.ts';
export { MailSender } from './mail-sender.ts';
export { composeDigestMail, composeImmediateMail } from './mail-text.ts';
