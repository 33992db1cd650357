/** The header row of a table of logs or slots: who, the indices shown (with how many came before), the state machine. */
export function GridHead({ who, columns }: { who: string; columns: number[] }) {
  const first = columns[0] ?? 1;
  return (
    <div className="log-row log-head" role="row">
      <span className="log-who" role="columnheader">{who}</span>
      <span className="log-cells">
        {first > 1 && <span className="log-more">… {first - 1} earlier</span>}
        {columns.map((i, k) => <span key={k} className="log-index" role="columnheader">{i}</span>)}
      </span>
      <span className="log-kv" role="columnheader">state machine</span>
    </div>
  );
}
