import nodemailer from 'nodemailer';
import type { Mailer } from '../tasks/reminders.js';

/** E-mail through the SMTP server in SMTP_URL (e.g. smtp://user:pass@mail.example:587); none when unset. */
export function smtpMailer(url: string | undefined, from: string): Mailer | null {
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
    },
  };
}
