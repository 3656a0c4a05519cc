import { Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useWorkspace } from '../../app/workspace';
import { errorText } from '../../components/errors';
import { useConfirmDiscard } from '../../components/use-confirm-discard';
import { HomeLocationFields, homeLocationFits, type HomeLocation } from './HomeLocationFields';

/** Remembered on this computer: the question is asked once, "later" included (Settings can change it any time). */
const ASKED_KEY = 'tierbook.homeLocationAsked';

/** The welcome screen asked already (its answer may leave the province blank): do not ask again. */
export function markHomeLocationAsked(): void {
  localStorage.setItem(ASKED_KEY, new Date().toISOString());
}

/**
 * A workspace set up before the welcome screen asked where the business is has no home province, so none of
 * its customers with a province can be "local": ask once, when that is the case (not on a fresh, empty one,
 * and never as a blocking surprise on every start).
 */
export function HomePrompt() {
  const { t } = useTranslation('data');
  const { settings, setSettings, refresh } = useWorkspace();
  const [open, setOpen] = useState(false);
  const unset = settings.homeRegion === null && localStorage.getItem(ASKED_KEY) === null;
  useEffect(() => {
    if (!unset) return;
    let cancelled = false;
    // Only when it matters: some customers in the home country have a province to compare with.
    void api('customers:list', { countries: [settings.homeCountry], limit: 200 }).then(({ rows }) => {
      if (!cancelled && rows.some((r) => r.region)) setOpen(true);
    });
    return () => {
      cancelled = true;
    };
  }, [unset, settings.homeCountry]);
  const [value, setValue] = useState<HomeLocation>({ homeCountry: settings.homeCountry, homeRegion: '' });
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    markHomeLocationAsked();
    setOpen(false);
  };
  // Asked once only: Esc or a click beside it after a province was typed would drop the answer for good. "Later" is asked about too.
  const confirmClose = useConfirmDiscard(open && (value.homeRegion.trim() !== '' || value.homeCountry !== settings.homeCountry));
  const save = async () => {
    try {
      setSettings(await api('settings:update', { homeCountry: value.homeCountry, homeRegion: value.homeRegion }));
      refresh();
      close();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Modal open={open} title={t('home.title')} okText={t('home.save')} cancelText={t('home.later')} onOk={() => void save()} onCancel={() => confirmClose(close)} okButtonProps={{ 'data-testid': 'home-save', disabled: !homeLocationFits(value) } as never} data-testid="home-prompt">
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <HomeLocationFields value={value} onChange={setValue} />
      {error ? <Typography.Paragraph type="danger">{error}</Typography.Paragraph> : null}
    </Modal>
  );
}
