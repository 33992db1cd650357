import { settingText } from '../../engine/twopc/ownVote';
import { useSim } from '../store/simStore';

/** The chances of a no vote offered: 0 is "as the transaction says". */
const CHANCES = [0, 0.25, 0.5, 1];

/**
 * A participant's own vote: as each transaction says, or no by its own setting, always or by
 * chance. Like a broken rule, it is part of the scenario (voteNo), so the run starts again
 * from 0 with it and it travels in the link.
 */
export function VoteSetting({ id }: { id: number }) {
  const scenario = useSim((s) => s.scenario);
  const reload = useSim((s) => s.reload);
  if (scenario === null) return null;
  const current = scenario.voteNo?.[String(id)] ?? 0;
  const chances = CHANCES.includes(current) ? CHANCES : [...CHANCES, current].toSorted((a, b) => a - b);
  const choose = (chance: number) => {
    reload((s) => {
      const { [String(id)]: _, ...others } = s.voteNo ?? {};
      const voteNo = chance === 0 ? others : { ...others, [String(id)]: chance };
      const { voteNo: __, ...rest } = s;
      return Object.keys(voteNo).length === 0 ? rest : { ...rest, voteNo };
    });
  };
  return (
    <div className="node-actions row">
      <label>Vote
        <select value={current} data-vote-setting={current} aria-label={`Vote setting of S${id}`} onKeyDown={(e) => e.stopPropagation()}
          title="Starts the run again from 0 with this participant voting as chosen"
          onChange={(e) => choose(Number(e.target.value))}>
          {chances.map((c) => <option key={c} value={c}>{c === 0 ? 'as the transaction says' : settingText(c)}</option>)}
        </select>
      </label>
    </div>
  );
}
