import { useState } from 'react';
import type { StepClaims } from '../../../scenario/claims/check';
import { useSim } from '../../store/simStore';

/** The worker's verdict on one narration step's claims, or null for a step that makes none. */
export function useStepClaims(step: number): StepClaims | null {
  return useSim((s) => s.claims.find((c) => c.step === step) ?? null);
}

/**
 * Beside the step in force: whether what it says holds in the run (the worker judged each
 * claim; this only draws the verdict). A click lists the claims, each with what the run shows
 * when it does not hold, so a lecturer who edits a scenario sees which sentence became false.
 */
export function ClaimsBadge({ step }: { step: number }) {
  const verdict = useStepClaims(step);
  const [open, setOpen] = useState(false);
  if (verdict === null) return null;
  const failed = verdict.results.filter((r) => !r.holds).length;
  const n = verdict.results.length;
  const label = failed === 0 ? `✓ ${n === 1 ? 'its claim holds' : `all ${n} claims hold`}` : `✗ ${failed} of ${n} claim${n === 1 ? '' : 's'} ${failed === 1 ? 'does' : 'do'} not hold`;
  return (
    <span className="claims">
      <button type="button" className={`claims-badge ${failed === 0 ? 'hold' : 'fail'}`} data-claims={failed === 0 ? 'hold' : 'fail'}
        aria-expanded={open} aria-label={`What this step claims: ${label}`} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open && <ClaimList verdict={verdict} />}
    </span>
  );
}

export function ClaimList({ verdict }: { verdict: StepClaims }) {
  return (
    <ul className="claim-list" aria-label={`Claims at ${verdict.at} ms`}>
      {verdict.results.map((r, i) => (
        <li key={i} data-claim-holds={r.holds} aria-label={`${r.claim}: ${r.holds ? 'holds' : `does not hold, ${r.found}`}`}>
          <span aria-hidden="true">{r.holds ? '✓' : '✗'}</span> <code>{r.claim}</code>
          {!r.holds && r.found !== null && <span className="claim-found">: {r.found}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A step's mark in the narration editor's list: ✓ or ✗, or nothing for a step without claims. */
export function ClaimsMark({ step }: { step: number }) {
  const verdict = useStepClaims(step);
  if (verdict === null) return null;
  const failed = verdict.results.filter((r) => !r.holds);
  return (
    <span className={`claims-mark ${failed.length === 0 ? 'hold' : 'fail'}`} data-claims={failed.length === 0 ? 'hold' : 'fail'}
      title={failed.length === 0 ? 'Every claim holds' : failed.map((r) => `${r.claim}: ${r.found}`).join('\n')}>
      {failed.length === 0 ? '✓' : `✗ ${failed.length}`}
    </span>
  );
}
