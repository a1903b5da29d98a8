import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

interface SourceContextProps {
  /** The document's text when the browser has it (pasted, or a .txt/.md file). */
  text: string | null;
  line: number;
  quote: string;
}

const AROUND = 2;

function highlight(lineText: string, quote: string): ReactNode {
  const at = lineText.indexOf(quote);
  if (quote === '' || at < 0) return lineText;
  return (
    <>
      {lineText.slice(0, at)}
      <mark className="source-quote">{quote}</mark>
      {lineText.slice(at + quote.length)}
    </>
  );
}

/** The lines around a target's source, the quoted phrase highlighted. */
export function SourceContext({ text, line, quote }: SourceContextProps) {
  const lines = text?.split(/\r?\n/) ?? [];
  const first = Math.max(1, line - AROUND);
  const last = Math.min(lines.length, line + AROUND);
  return (
    <Card size="small" title={`Nguồn: dòng ${line}`} role="region" aria-label="Đoạn văn bản nguồn">
      {lines.length === 0 || line > lines.length ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          <mark className="source-quote">{quote}</mark>
        </Typography.Paragraph>
      ) : (
        <ol start={first} style={{ margin: 0, paddingInlineStart: 48, fontSize: 13 }}>
          {lines.slice(first - 1, last).map((content, index) => {
            const number = first + index;
            return (
              <li
                key={number}
                aria-current={number === line ? 'true' : undefined}
                style={{
                  background: number === line ? '#fffbe6' : undefined,
                  whiteSpace: 'pre-wrap',
                }}
              >
                {number === line ? highlight(content, quote) : content}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
