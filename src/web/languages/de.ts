// The German texts, every namespace: one chunk, loaded by i18n.ts when someone reads German.
export default import.meta.glob<Record<string, unknown>>('../../../locales/de/*.json', {
  eager: true,
  import: 'default',
});
