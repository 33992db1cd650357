import { useWholeText } from '../../useWholeText';
import { brokenRules } from '../../../scenario/bugs';
import { lessonById } from '../../../scenario/lessons';
import { useSim } from '../../store/simStore';

/**
 * Above the narration: a rule is broken in this run (and which), what a check found, or the
 * liveness watch's stall; with no rule broken, a lesson's offer to run it with one broken.
 */
export function BrokenRuleBanner() {
  const scenario = useSim((s) => s.scenario);
  const violation = useSim((s) => s.safety?.violations[0] ?? null);
  // Primitives: a snapshot comes every frame, and the banner need not draw again for each.
  const stallText = useSim((s) => s.snapshot?.stall?.text ?? null);
  const stallKind = useSim((s) => s.snapshot?.stall?.kind ?? null);
  const send = useSim((s) => s.send);
  const reload = useSim((s) => s.reload);
  if (scenario === null) return null;
  const load = (bugs: string[]) => reload((s) => ({ ...s, bugs }));
  const rule = brokenRules(scenario.protocol).find((r) => r.bug === scenario.bugs[0]);
  const stalled = stallText !== null && <p className="stall" data-stall={stallKind} role="status">Liveness: {stallText}.</p>;
  if (rule === undefined) return stalled || null;
  return (
    // The text beside its buttons: on a short screen it keeps to two lines (the whole of it on hover), so the logs below keep their rows.
    <div className="broken-banner" role="status" data-broken-rule={rule.bug}>
      <span className="broken-text" title={`A rule is broken: ${rule.label} (${rule.bug}). ${violation !== null ? `The check ${violation.predicate} failed at ${violation.t} ms: ${violation.text}` : ''}`}>
        <strong>A rule is broken:</strong> {rule.label} <code>{rule.bug}</code>.{' '}
        {violation !== null
          ? <span data-broken-check={violation.predicate}>The check <strong>{violation.predicate}</strong> failed at {violation.t} ms: {violation.text}</span>
          : rule.livenessOnly ? 'No safety check can catch this one; watch for the cluster to stop making progress.' : 'Play on: the safety checks should catch it.'}
      </span>
      {rule.line !== undefined && <button type="button" data-broken-line={rule.line} title="Go back to the last time the broken line ran; the pseudocode panel marks it"
        onClick={() => send({ type: 'seekLine', line: rule.line!, direction: 'previous', node: null })}>◀ Where it runs</button>}
      <button type="button" onClick={() => load([])} aria-label="Clear the broken rule">Clear</button>
      {stalled}
    </div>
  );
}

/**
 * The rule a lesson offers to break, on the narration's row of buttons: one line, so the
 * logs below keep their place on a projector (the tooltip says what the class will see).
 */
export function RuleOffer() {
  const scenario = useSim((s) => s.scenario);
  const reload = useSim((s) => s.reload);
  if (scenario === null || scenario.bugs.length > 0) return null;
  // The lesson the scenario was opened from, as it says; a link naming a lesson that no longer exists offers nothing.
  const lesson = scenario.lesson === undefined ? undefined : lessonById(scenario.lesson);
  const offer = lesson?.tryBroken === undefined ? undefined : brokenRules(scenario.protocol).find((r) => r.bug === lesson.tryBroken!.bug);
  if (offer === undefined) return null;
  return <OfferButton offer={offer} shows={lesson!.tryBroken!.shows} onClick={() => reload((s) => ({ ...s, bugs: [offer.bug] }))} />;
}

/**
 * The offer, said whole in the room the row leaves it: with the rule's name, or shorter. With
 * no room even for "Break it" (the drawer open beside a lesson's later steps), it steps aside,
 * out of sight and of the Tab order: the drawer's Break a rule panel offers the same.
 */
function OfferButton({ offer, shows, onClick }: { offer: { bug: string; label: string }; shows: string; onClick: () => void }) {
  const [ref, text] = useWholeText<HTMLButtonElement>([`Try it broken: ${offer.label}`, 'Try it broken', 'Break it']);
  return (
    <button ref={ref} type="button" className="linkish rule-offer" data-try-broken={offer.bug} onClick={onClick} data-room={text !== null}
      aria-hidden={text === null ? true : undefined} tabIndex={text === null ? -1 : undefined}
      aria-label={`Try it broken: ${offer.label}`} title={`Run this lesson with a rule broken: ${offer.label}. ${shows}`}>
      {text ?? 'Break it'}
    </button>
  );
}
