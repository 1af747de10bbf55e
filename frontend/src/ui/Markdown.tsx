import ReactMarkdown from 'react-markdown';

/** Markdown written by members, rendered without raw HTML (react-markdown drops it, and unsafe link protocols). */
export function Markdown({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml>{text}</ReactMarkdown>
    </div>
  );
}
