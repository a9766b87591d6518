import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useSearchText } from '../messages';

/** The search box in the page header (a search landmark), on every page. */
export function HeaderSearch() {
  const text = useSearchText();
  const navigate = useNavigate();
  const id = useId();
  const [query, setQuery] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    void navigate({ to: '/search', search: { q } });
  }

  return (
    <search aria-label={text('boxLabel')}>
      <form onSubmit={onSubmit} className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {text('queryLabel')}
        </label>
        <input
          id={id}
          type="search"
          name="q"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
          className="min-h-10 w-44 rounded-6 border border-solid-gray-600 px-3 py-1 text-std-16N-170 md:w-56"
          placeholder={text('title')}
        />
        <button
          type="submit"
          className="min-h-10 rounded-6 border border-blue-900 bg-blue-900 px-3 py-1 text-oln-16B-100 text-white hover:bg-blue-1000 hover:underline"
        >
          {text('submit')}
        </button>
      </form>
    </search>
  );
}
