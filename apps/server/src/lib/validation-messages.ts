import type { FieldError } from './errors.ts';

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  keys?: string[];
  expected?: unknown;
  origin?: string;
};

function japaneseFor(issue: Issue, field: string): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `不明な項目があります: ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? `「${field}」は必須です。`
        : `「${field}」の型が正しくありません。`;
    case 'too_big':
      return issue.origin === 'string'
        ? `「${field}」は${String(issue.maximum)}文字以内で入力してください。`
        : `「${field}」は${String(issue.maximum)}以下にしてください。`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? `「${field}」を入力してください。`
          : `「${field}」は${String(issue.minimum)}文字以上で入力してください。`
        : `「${field}」は${String(issue.minimum)}以上にしてください。`;
    case 'invalid_value':
      return `「${field}」の値が選択肢にありません。`;
    case 'invalid_format':
      return `「${field}」の形式が正しくありません。`;
    default:
      return `「${field}」が正しくありません。`;
  }
}

/** Turns zod issues into field errors with a Japanese and an English message. */
export function fieldErrorsFromIssues(issues: readonly Issue[]): FieldError[] {
  return issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String).join('.');
    return { path, messages: { ja: japaneseFor(issue, path || '入力'), en: issue.message } };
  });
}
