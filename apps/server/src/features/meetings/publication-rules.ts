import { AppError } from '../../lib/errors.ts';

/** Nothing of a closed (非公開) meeting is published: 409 when something of it is about to be. */
export function assertMeetingPublishable(meeting: { isPublic: boolean }): void {
  if (!meeting.isPublic) {
    throw new AppError('conflict', {
      messages: {
        ja: '非公開の会議の内容は公開できません。公開する場合は、先に会議を公開に変更してください。',
        en: 'Nothing of a closed meeting can be published. Make the meeting public first.',
      },
    });
  }
}
