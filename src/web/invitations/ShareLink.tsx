// A link to share: copy, the phone's own share sheet, WhatsApp, Viber, Telegram, e-mail, and a QR code.
import { ActionIcon, Button, CopyButton, Group, Image, Modal, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconCheck,
  IconCopy,
  IconDownload,
  IconMail,
  IconMessageCircle,
  IconQrcode,
  IconShare,
} from '@tabler/icons-react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useQrCode(text: string) {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void QRCode.toDataURL(text, { margin: 1, width: 480, errorCorrectionLevel: 'M' }).then((url) => {
      if (alive) setDataUrl(url);
    });
    return () => {
      alive = false;
    };
  }, [text]);
  return dataUrl;
}

export function ShareLink({ url, message, title }: { url: string; message: string; title: string }) {
  const { t } = useTranslation('invitations');
  const [qrOpen, setQrOpen] = useState(false);
  const qr = useQrCode(url);
  const text = `${message} ${url}`;
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const targets = [
    { label: 'WhatsApp', icon: IconBrandWhatsapp, href: `https://wa.me/?text=${encodeURIComponent(text)}` },
    { label: 'Viber', icon: IconMessageCircle, href: `viber://forward?text=${encodeURIComponent(text)}` },
    {
      label: 'Telegram',
      icon: IconBrandTelegram,
      href: `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(message)}`,
    },
    {
      label: t('share.email'),
      icon: IconMail,
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`,
    },
  ];

  return (
    <Group gap={6} wrap="wrap">
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? 'filled' : 'light'}
            leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            onClick={copy}
          >
            {copied ? t('share.copied') : t('share.copy')}
          </Button>
        )}
      </CopyButton>
      {canShare && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconShare size={14} />}
          onClick={() => navigator.share({ title, text: message, url }).catch(() => {})}
        >
          {t('share.share')}
        </Button>
      )}
      {targets.map(({ label, icon: Icon, href }) => (
        <Tooltip key={label} label={t('share.via', { app: label })}>
          <ActionIcon
            component="a"
            href={href}
            target="_blank"
            rel="noreferrer"
            variant="default"
            aria-label={t('share.via', { app: label })}
          >
            <Icon size={16} />
          </ActionIcon>
        </Tooltip>
      ))}
      <Tooltip label={t('share.qr')}>
        <ActionIcon variant="default" onClick={() => setQrOpen(true)} aria-label={t('share.qr')}>
          <IconQrcode size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={qrOpen} onClose={() => setQrOpen(false)} title={t('share.qr')} centered>
        <Stack align="center">
          {qr && <Image src={qr} alt={t('share.qrAlt')} w={260} h={260} data-testid="invitation-qr" />}
          <Text size="xs" c="dimmed" ta="center" style={{ wordBreak: 'break-all' }}>
            {url}
          </Text>
          {qr && (
            <Button
              component="a"
              href={qr}
              download="downline-invitation.png"
              variant="light"
              leftSection={<IconDownload size={16} />}
            >
              {t('share.download')}
            </Button>
          )}
        </Stack>
      </Modal>
    </Group>
  );
}
