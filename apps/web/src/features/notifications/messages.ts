import { useCallback } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';

const ja = {
  title: 'お知らせ',
  lead: 'あなたに関係する動き（担当の割り当て、期限が近い・過ぎた案件、承認や合議の依頼、アイデアの状況、対応方針の公表など）をお知らせします。',
  empty: 'お知らせはありません。',
  unread: '未読',
  unreadCount: '未読 {count}件',
  markRead: '既読にする',
  markAllRead: 'すべて既読にする',
  open: '開く',
  headerLink: 'お知らせ',
  headerOpen: '（',
  headerBadge: '未読{count}件',
  headerClose: '）',
  pagination: 'お知らせのページ',
};

type Key = keyof typeof ja;

const en: Record<Key, string> = {
  title: 'Notifications',
  lead: 'What concerns you: assignments, due dates coming or passed, approvals and consultations waiting for you, how your ideas are doing, responses announced and more.',
  empty: 'No notifications.',
  unread: 'Unread',
  unreadCount: '{count} unread',
  markRead: 'Mark read',
  markAllRead: 'Mark all read',
  open: 'Open',
  headerLink: 'Notifications',
  headerOpen: ' (',
  headerBadge: '{count} unread',
  headerClose: ')',
  pagination: 'Pages of notifications',
};

/** The texts of the notification inbox in the current UI language. */
export function useNotificationText(): (key: Key, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback(
    (key, values) =>
      (language === 'en' ? en : ja)[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        values && name in values ? String(values[name]) : placeholder,
      ),
    [language],
  );
}
