import { describe, expect, it } from 'vitest';
import { lessonById } from '../lessons';
import { parseScenario } from '../validate';
import { checkClaims } from './check';

/**
 * The narration sentences that were wrong before claims existed (issue 14), each written as
 * the claim it made: every one fails on its lesson's run, so a claim would have caught it.
 */
const OLD_SENTENCES: [lesson: string, at: number, sentence: string, claim: string][] = [
  ['raft-persistence', 1000, 'the leader finds S2 one entry short and backs up sentLength',
    'delivered LogResponse S2->S1 success=false in 900..1000'],
  ['raft-lossy-network', 1000, 'a forwarded command can be lost on the way (and is simply not there)',
    'not delivered ClientRequest S2->S4 in 500..1000'],
  ['raft-lossy-network', 4001, 'the network calms down; a stable leader emerges',
    'leader = none'],
  ['raft-split-vote', 364, 'the candidates wait; one of them will time out first',
    'first to time out in 200..364 in S1, S3'],
  ['raft-split-brain', 362, 'S3, S4 and S5 time out',
    'S3,S4,S5 timed out in 200..362'],
  ['raft-election', 101, 'S3\'s timer runs out first',
    'S3 timer ran out in 0..101'],
  ['paxos-backoff', 80, 'when S1 wakes up it learns the outcome',
    'S1 timer ran out in 30..80'],
  ['raft-figure8', 800, 'S5 overwrites index 1 with its own "set y 2" everywhere',
    'all log[1] = set y 2'],
  // Found when the lessons written beside the vocabulary got their claims.
  ['atomic-2pc-blocking', 300, 'their timers run out (all three participants\' by now)',
    'S2,S3,S4 timer ran out in 91..300'],
  ['atomic-2pc-commit', 11, 'S1 begins t1: each participant takes the locks t1 needs',
    'S2,S3,S4 locks = t1'],
  ['atomic-3pc-partition', 86, 'PreCommit reaches S2 but not S3 or S4',
    'delivered PreCommit S1->S2'],
  ['raft-three-way', 2200, 'a candidate with its partner\'s vote and S5\'s leads, and "set x 1" commits on a majority (S1 reaches that leader)',
    'delivered ClientRequest S1->S4'],
  ['raft-read-log', 1731, 'S4 commits the read in term 3, after x = 2, and answers: x = 2',
    'client 2 get x returned 2'],
  ['raft-read-index', 1527, 'S4 holds the read for one heartbeat round [...]; S4 answers x = 2',
    'client 2 get x returned 2'],
];

describe('the sentences issue 14 found wrong are caught by their claims', () => {
  it.each(OLD_SENTENCES)('%s at %i ms: "%s"', (id, at, sentence, claim) => {
    const lesson = lessonById(id)!;
    const parsed = parseScenario({ ...lesson.scenario, narration: [{ at, text: sentence, claims: [claim] }] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const [result] = checkClaims(parsed.scenario).steps[0].results;
    expect(result.holds, result.found ?? '').toBe(false);
    expect(result.found).not.toBeNull();
  });
});
