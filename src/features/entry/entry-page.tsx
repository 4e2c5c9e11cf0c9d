import { defineMessages, useT } from '../../shared/i18n';
import { Section } from '../../shared/page';

const messages = defineMessages(
  { title: 'entry', notBuilt: '此页面尚未建成。' },
  { title: 'entry', notBuilt: 'This page is not built yet.' },
);

export default function Page() {
  const t = useT(messages);
  return (
    <Section title={t('title')}>
      <p data-testid="not-built">{t('notBuilt')}</p>
    </Section>
  );
}
