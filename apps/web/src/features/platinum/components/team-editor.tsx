import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { useSetTeamMember, useTeam, useTeamCandidates } from '../api/campaigns';
import { usePlatinumText } from '../messages';

/** The PT of a campaign; the reform office adds and removes members. */
export function TeamEditor({ campaignId, canManage }: { campaignId: string; canManage: boolean }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const team = useTeam(campaignId);
  const setMember = useSetTeamMember(campaignId);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const candidates = useTeamCandidates(campaignId, canManage ? query : '');
  const memberIds = new Set(team.data?.items.map((member) => member.userId));
  return (
    <section aria-labelledby="team-heading" className="flex flex-col gap-3">
      <h2 id="team-heading" className="text-std-20B-150">
        {text('team')}
      </h2>
      {setMember.isError ? <Alert tone="error">{errorText(setMember.error)}</Alert> : null}
      {team.data && team.data.items.length === 0 ? <p>{text('noTeam')}</p> : null}
      <ul className="flex flex-col gap-2">
        {team.data?.items.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center gap-3">
            <span>
              {member.displayName}
              {member.orgUnitName ? `（${member.orgUnitName}）` : ''}
            </span>
            {canManage ? (
              <Button
                variant="tertiary"
                size="xs"
                onClick={() => setMember.mutate({ userId: member.userId, isMember: false })}
              >
                {text('removeMember', { name: member.displayName })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <>
          <form
            noValidate
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event: FormEvent<HTMLFormElement>) => {
              event.preventDefault();
              setQuery(draft.trim());
            }}
          >
            <TextField
              label={text('teamSearch')}
              type="search"
              maxLength={100}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
            <Button type="submit" variant="secondary">
              {text('searchStaff')}
            </Button>
          </form>
          <ul className="flex flex-col gap-2" aria-live="polite">
            {candidates.data?.items
              .filter((candidate) => !memberIds.has(candidate.id))
              .map((candidate) => (
                <li key={candidate.id}>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setMember.mutate({ userId: candidate.id, isMember: true })}
                  >
                    {text('addMember', { name: candidate.displayName })}
                  </Button>
                  {candidate.orgUnitName ? <span className="ml-2">{candidate.orgUnitName}</span> : null}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
