/** Issuer trust: the `issuer-trust` check in plain words, vetting and domain linkage (spread into en.ts and fr.ts). */
export const issuerTrustEn = {
  // Every check has these three keys; the panel words issuer-trust with the trust.* keys below instead.
  'check.issuer-trust.label': 'Issuer trust',
  'check.issuer-trust.ok': 'A registry this platform trusts vouches for the issuer, or its domain is linked.',
  'check.issuer-trust.failed': 'The issuer could not be looked up.',
  'trust.vetted': 'Vetted: listed by {registry} as {name}.',
  'trust.domainLinked':
    'Domain linked: {domain} publishes a signed statement that this issuer is theirs. No registry vouches for the organisation itself.',
  'trust.unknown':
    'Unknown issuer: no registry this platform trusts lists it. The signature shows who made it, not whether that organisation is who it claims to be.',
  'trust.notAssessed':
    'Not assessed: the credential does not prove it comes from the issuer it names, so nothing is said of that issuer.',
  'trust.mark.domainLinked': 'Domain linked: {domain}',
  'console.trust.issuersNav': 'Issuers and vetting',
  'console.trust.issuersTitle': 'Issuers and vetting',
  'console.trust.issuersLead':
    'Vetting an issuer lists it in this platform’s trust registry: verification reports of its credentials then say it is vetted by this platform. Vet only organisations whose identity you have checked.',
  'console.trust.vetting': 'Vetting',
  'console.trust.domain': 'Linked domain',
  'console.trust.actions': 'Actions',
  'console.trust.vettedBy': 'Vetted by {who} on {date}',
  'console.trust.notVetted': 'Not vetted',
  'console.trust.noDomain': 'None',
  'console.trust.vet': 'Vet',
  'console.trust.unvet': 'Withdraw vetting',
  'console.trust.confirmUnvet': 'Withdraw the vetting of {name}? Reports will no longer say it is vetted.',
  'console.trust.done.vetted': 'The issuer is vetted.',
  'console.trust.done.unvetted': 'The vetting was withdrawn.',
  'console.trust.domain.menu': 'Website domain',
  'console.trust.domain.title': 'Website domain',
  'console.trust.domain.lead':
    'Prove that your website and your credentials come from the same organisation: publish a file signed with your issuer key on your site, and verifiers will show that your credentials are linked to your domain.',
  'console.trust.domain.linked': 'Linked to {domain}, last checked on {date}.',
  'console.trust.domain.notLinked': 'Your domain is not linked yet.',
  'console.trust.domain.noWebsite': 'Add your website’s address to the profile first:',
  'console.trust.domain.download': 'Download did-configuration.json',
  'console.trust.domain.publish': 'Publish it on your site at',
  'console.trust.domain.check': 'Check my domain',
  'console.trust.domain.done.linked': 'Your domain is linked.',
  'console.trust.domain.failed': '{origin} is not linked: {reason}',
};

export const issuerTrustFr: Record<keyof typeof issuerTrustEn, string> = {
  'check.issuer-trust.label': 'Confiance en l’émetteur',
  'check.issuer-trust.ok':
    'Un registre reconnu par cette plateforme se porte garant de l’émetteur, ou son domaine est lié.',
  'check.issuer-trust.failed': 'L’émetteur n’a pas pu être recherché.',
  'trust.vetted': 'Contrôlé : inscrit par {registry} sous le nom {name}.',
  'trust.domainLinked':
    'Domaine lié : {domain} publie une déclaration signée indiquant que cet émetteur est le sien. Aucun registre ne se porte garant de l’organisation elle-même.',
  'trust.unknown':
    'Émetteur inconnu : aucun registre reconnu par cette plateforme ne le répertorie. La signature montre qui l’a faite, pas que cette organisation est bien celle qu’elle prétend être.',
  'trust.notAssessed':
    'Non évalué : la certification ne prouve pas qu’elle vient de l’émetteur qu’elle nomme ; rien n’est donc dit de cet émetteur.',
  'trust.mark.domainLinked': 'Domaine lié : {domain}',
  'console.trust.issuersNav': 'Émetteurs et contrôle',
  'console.trust.issuersTitle': 'Émetteurs et contrôle',
  'console.trust.issuersLead':
    'Contrôler un émetteur l’inscrit dans le registre de confiance de cette plateforme : les rapports de vérification de ses certifications indiquent alors qu’il est contrôlé par cette plateforme. Ne contrôlez que des organisations dont vous avez vérifié l’identité.',
  'console.trust.vetting': 'Contrôle',
  'console.trust.domain': 'Domaine lié',
  'console.trust.actions': 'Actions',
  'console.trust.vettedBy': 'Contrôlé par {who} le {date}',
  'console.trust.notVetted': 'Non contrôlé',
  'console.trust.noDomain': 'Aucun',
  'console.trust.vet': 'Contrôler',
  'console.trust.unvet': 'Retirer le contrôle',
  'console.trust.confirmUnvet':
    'Retirer le contrôle de {name} ? Les rapports ne diront plus qu’il est contrôlé.',
  'console.trust.done.vetted': 'L’émetteur est contrôlé.',
  'console.trust.done.unvetted': 'Le contrôle a été retiré.',
  'console.trust.domain.menu': 'Domaine du site',
  'console.trust.domain.title': 'Domaine du site',
  'console.trust.domain.lead':
    'Prouvez que votre site et vos certifications viennent de la même organisation : publiez sur votre site un fichier signé avec votre clé d’émetteur, et les vérificateurs montreront que vos certifications sont liées à votre domaine.',
  'console.trust.domain.linked': 'Lié à {domain}, dernière vérification le {date}.',
  'console.trust.domain.notLinked': 'Votre domaine n’est pas encore lié.',
  'console.trust.domain.noWebsite': 'Ajoutez d’abord l’adresse de votre site au profil :',
  'console.trust.domain.download': 'Télécharger did-configuration.json',
  'console.trust.domain.publish': 'Publiez-le sur votre site à l’adresse',
  'console.trust.domain.check': 'Vérifier mon domaine',
  'console.trust.domain.done.linked': 'Votre domaine est lié.',
  'console.trust.domain.failed': '{origin} n’est pas lié : {reason}',
};
