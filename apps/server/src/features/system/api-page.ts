type OpenApiDocument = {
  info: { title: string; version: string };
  paths?: Record<
    string,
    Record<string, { summary?: string; tags?: string[]; responses?: Record<string, unknown> }> | undefined
  >;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Renders the OpenAPI document as a plain, accessible HTML page (no scripts, no outside hosts). */
export function renderApiPage(document: OpenApiDocument): string {
  const rows: string[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations ?? {})) {
      const statuses = Object.keys(operation.responses ?? {}).join(', ');
      rows.push(
        `<tr><td><code>${escapeHtml(method.toUpperCase())}</code></td><td><code>${escapeHtml(path)}</code></td>` +
          `<td>${escapeHtml(operation.summary ?? '')}</td><td>${escapeHtml((operation.tags ?? []).join(', '))}</td><td>${escapeHtml(statuses)}</td></tr>`,
      );
    }
  }
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Totonoe API 一覧</title></head>
<body><main>
<h1>Totonoe API（${escapeHtml(document.info.version)}）</h1>
<p>機械可読の定義は <a href="/api/v1/openapi.json">OpenAPI 3.1 文書</a> です。エラーは RFC 9457 の <code>application/problem+json</code> で、<code>code</code> と日本語・英語のメッセージを返します。更新は ETag と If-Match を使います。</p>
<table><caption>エンドポイント一覧 / Endpoints</caption>
<thead><tr><th scope="col">メソッド</th><th scope="col">パス</th><th scope="col">概要</th><th scope="col">分類</th><th scope="col">応答</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</main></body></html>`;
}
