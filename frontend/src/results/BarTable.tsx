import { scaleMax } from './chartData';

export interface Bar {
  label: string;
  value: number;
  text: string;
}

/**
 * A bar chart that is a table: screen readers read label and value, the bars are drawn to one scale
 * (`max`, so that two charts side by side compare).
 */
export function BarTable({
  caption,
  bars,
  max,
  variant,
  highlight,
}: {
  caption: string;
  bars: Bar[];
  max?: number;
  variant: 'weighted' | 'equal';
  highlight?: number | null;
}) {
  const scale = max ?? scaleMax(bars.map((b) => b.value));
  return (
    <table className={`bar-table ${variant}`}>
      <caption>{caption}</caption>
      <tbody>
        {bars.map((bar, i) => (
          <tr key={i} className={highlight === i ? 'highlight' : undefined}>
            <th scope="row">{bar.label}</th>
            <td className="bar-cell">
              <span
                className="bar"
                style={{ width: `${Math.max(0, (bar.value / scale) * 100)}%` }}
                aria-hidden="true"
              />
            </td>
            <td className="bar-value">{bar.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
