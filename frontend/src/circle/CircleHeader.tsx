import type { Circle, CircleSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { Markdown } from '../ui/Markdown';
import { KIND_KEYS } from './kinds';

export function CircleHeader({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  return (
    <header className="page-header">
      <p className="eyebrow">{circle.kind && t(KIND_KEYS[circle.kind])}</p>
      <h1>{circle.name}</h1>
      <Markdown text={circle.description} />
      <CircleLinks label={t('circle.parents')} circles={circle.parents ?? []} />
      <CircleLinks label={t('circle.children')} circles={circle.children ?? []} />
    </header>
  );
}

function CircleLinks({ label, circles }: { label: string; circles: CircleSummary[] }) {
  if (circles.length === 0) return null;
  return (
    <p className="circle-links">
      <span>{label}: </span>
      {circles.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ', '}
          <Link to={`/circles/${c.slug}`}>{c.name}</Link>
        </span>
      ))}
    </p>
  );
}
