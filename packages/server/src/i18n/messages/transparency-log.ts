/** The credential page's line about the transparency log, and its download. Spread into en.ts and fr.ts. */
export const transparencyLogEn = {
  'log.logged': 'Logged at position {position} of the transparency log on {date}.',
  'log.witnessed': 'Witnessed by {witnessed} of the log’s {witnesses} witnesses.',
  'log.proof': 'Proof of inclusion (JSON)',
  'log.pending': 'Being added to the transparency log.',
  'download.jsonWithLogProof': 'Credential with its log proof (JSON)',
};

export const transparencyLogFr: Record<keyof typeof transparencyLogEn, string> = {
  'log.logged': 'Inscrite à la position {position} du journal de transparence le {date}.',
  'log.witnessed': 'Confirmée par {witnessed} des {witnesses} témoins du journal.',
  'log.proof': 'Preuve d’inclusion (JSON)',
  'log.pending': 'En cours d’inscription au journal de transparence.',
  'download.jsonWithLogProof': 'Certification et sa preuve d’inscription (JSON)',
};
