// The Bulgarian texts, every namespace: one chunk, loaded by i18n.ts when someone reads Bulgarian.
export default import.meta.glob<Record<string, unknown>>('../../../locales/bg/*.json', {
  eager: true,
  import: 'default',
});
