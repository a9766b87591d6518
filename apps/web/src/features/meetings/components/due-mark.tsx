import { Badge } from '@/components/ui/badge';
import { useMeetingText } from '../messages';
import type { DueState } from '../types';

/** 期限超過 / 期限間近 as words with a symbol, so colour is never the only cue. */
export function DueMark({ state }: { state: DueState }) {
  const mt = useMeetingText();
  if (state === 'overdue') return <Badge tone="target">{`⚠ ${mt('due.overdue')}`}</Badge>;
  if (state === 'due_soon') return <Badge tone="info">{`⏰ ${mt('due.due_soon')}`}</Badge>;
  if (state === 'done') return <Badge tone="inactive">{`✓ ${mt('due.done')}`}</Badge>;
  return null;
}
