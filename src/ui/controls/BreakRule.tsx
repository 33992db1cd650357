import { brokenRules } from '../../scenario/bugs';
import { useSim } from '../store/simStore';

/**
 * Break one of the protocol's rules, named as the lectures state them: the run starts again
 * from time 0 with that rule broken (the scenario records it, so it travels in the link),
 * and New cluster keeps it until it is cleared here or on the banner.
 */
export function BreakRule() {
  const scenario = useSim((s) => s.scenario);
  const reload = useSim((s) => s.reload);
  if (scenario === null) return null;
  const rules = brokenRules(scenario.protocol);
  const current = scenario.bugs[0] ?? '';
  return (
    <section className="panel break-rule" aria-label="Break a rule">
      <h2>Break a rule</h2>
      <label>
        <select value={current} aria-label="Rule to break" data-break-rule={current}
          onChange={(e) => { const bugs = e.target.value === '' ? [] : [e.target.value]; reload((s) => ({ ...s, bugs })); }}>
          <option value="">Every rule as the lectures state it</option>
          {rules.map((r) => <option key={r.bug} value={r.bug}>{r.label}{r.livenessOnly ? ' (progress only)' : ''}</option>)}
        </select>
      </label>
      <p className="hint">The run starts again from 0 with the rule broken; watch the safety checks{current !== '' && rules.find((r) => r.bug === current)?.livenessOnly ? ' stay green and the liveness watch fire' : ' catch it'}.</p>
    </section>
  );
}
