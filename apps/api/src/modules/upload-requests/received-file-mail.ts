// The email an upload request's owner gets when a guest's file has arrived (when SMTP is
// configured; the in-app notice exists either way). Names and sizes only: never the link's token.
import nodemailer from 'nodemailer';
import type { ReceivedFileNotifier } from './guest-uploads.service.js';

export function receivedFileMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
  onError: (error: unknown) => void;
}): ReceivedFileNotifier | undefined {
  if (!options.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(options.smtpUrl);
  return async (event) => {
    const where = event.requestTitle ? `"${event.requestTitle}"` : 'your upload request';
    try {
      await transport.sendMail({
        from: options.from,
        to: event.ownerEmail,
        subject: `New file received: ${event.fileName}`,
        text:
          `Someone sent ${event.fileName} (${event.size.toLocaleString('en')} bytes) through ${where}.\n\n` +
          `See it on the Shared links page: ${options.publicUrl}/links\n`,
      });
    } catch (error) {
      options.onError(error);
      throw error;
    }
  };
}
