import type { JudgedResult } from '../domain/assessment';
import { defineMessages, useT } from './i18n';
import { useWording } from './wording';

const messages = defineMessages(
  {
    judged: '人工评定：{status}（理由：{reason}；{by}）。计算状态：{computed}。',
    carried:
      '沿用{year}年人工评定：{status}（理由：{reason}；{by}），待确认。计算状态：{computed}。',
    earlier: '{year}年曾人工评定为{status}（理由：{reason}；{by}），数据变化后未沿用。',
  },
  {
    judged: 'Evaluator’s status: {status} (reason: {reason}; {by}). Computed: {computed}.',
    carried:
      'Carried over from the {year} judgement: {status} (reason: {reason}; {by}), to be confirmed. Computed: {computed}.',
    earlier:
      'Judged {status} for {year} (reason: {reason}; {by}); not carried over, as the figures have changed.',
  },
);

/**
 * What an evaluator decided about a result, wherever the result is shown: this year's
 * judgement, one carried over from an earlier year (pending confirmation), or an earlier
 * override that no longer applies (docs/methodology.md §4). Nothing when there is none.
 */
export function JudgementNote({ result }: { result: JudgedResult }) {
  const t = useT(messages);
  const wording = useWording();
  const computed = wording.status(result.status);
  if (result.judgement) {
    const vars = {
      status: wording.status(result.judgement.status),
      reason: result.judgement.reason,
      by: result.judgement.by,
      year: result.judgement.asOfYear,
      computed,
    };
    return (
      <p className="muted judgement-note" data-testid="judgement-note">
        {result.isJudgementCarried ? t('carried', vars) : t('judged', vars)}
      </p>
    );
  }
  if (result.earlierJudgement) {
    const j = result.earlierJudgement;
    return (
      <p className="muted judgement-note" data-testid="judgement-note">
        {t('earlier', {
          status: wording.status(j.status),
          reason: j.reason,
          by: j.by,
          year: j.asOfYear,
        })}
      </p>
    );
  }
  return null;
}
