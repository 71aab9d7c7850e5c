/** The public portfolio `/u/{handle}`, its header as the earner edits it, and featuring (spread into en.ts and fr.ts). */
export const publicPortfolioEn = {
  'portfolio.title': '{name}’s credentials',
  'portfolio.description':
    '{name} shares {count, plural, one {# credential} other {# credentials}}; {verified, plural, =0 {none currently verifies as valid} one {# currently verifies as valid} other {# currently verify as valid}}.',
  'portfolio.empty': 'Nothing shared yet.',
  'portfolio.links': 'Links',
  'portfolio.editHeader': 'Edit your header',
  'portfolio.featured': 'Featured',
  'portfolio.certificates': 'Certificates',
  'portfolio.certificatesLead': 'Awarded for completing a pathway of several credentials.',
  'portfolio.credentials': 'Credentials',
  'portfolio.skills': 'Skills',
  'portfolio.skillsLead': 'Proven by the credentials above that currently verify as valid.',
  'portfolio.skillCount': '{count, plural, one {# credential} other {# credentials}}',
  'portfolio.issuedOn': 'Issued {date}',
  'portfolio.pathway': 'Pathway: {name}',

  'publicProfile.heading': 'Portfolio header',
  'publicProfile.lead': 'What visitors of your public portfolio see under your name.',
  'publicProfile.headline': 'Headline',
  'publicProfile.headlineHint': 'One short line, such as “Data analyst at Acme”: up to {max} characters.',
  'publicProfile.link': 'Link {number}',
  'publicProfile.linkLabel': 'Label',
  'publicProfile.linkUrl': 'Address (https)',
  'publicProfile.linksHint':
    'Up to {max} links, such as your website or LinkedIn profile. Only https addresses; without a label, the site’s name is shown.',
  'publicProfile.save': 'Update header',
  'publicProfile.saved': 'Portfolio header updated.',
  'publicProfile.refused': 'The portfolio header was not changed: correct the fields marked below.',
  'publicProfile.error.headlineTooLong': 'The headline is longer than {max} characters.',
  'publicProfile.error.tooManyLinks': 'At most {max} links.',
  'publicProfile.error.notHttps': 'Link {number}: enter a full web address starting with https://.',
  'publicProfile.error.urlTooLong': 'Link {number}: the address is longer than {max} characters.',
  'publicProfile.error.labelTooLong': 'Link {number}: the label is longer than {max} characters.',
  'publicProfile.error.labelWithoutUrl': 'Link {number}: a label needs an address.',

  'featured.add': 'Feature on portfolio',
  'featured.remove': 'Stop featuring',
  'featured.label': 'Featured on your portfolio',
  'featured.added': 'Featured first on your public portfolio.',
  'featured.removed': 'No longer featured.',
  'featured.full': 'You already feature {max} credentials: stop featuring one first.',
  'featured.notPublic': 'Only a public credential can be featured: make it public first.',
};

export const publicPortfolioFr: Readonly<Record<keyof typeof publicPortfolioEn, string>> = {
  'portfolio.title': 'Certifications de {name}',
  'portfolio.description':
    '{name} partage {count, plural, one {# certification} other {# certifications}}, {verified, plural, =0 {aucune valide à ce jour} one {dont # valide à ce jour} other {dont # valides à ce jour}}.',
  'portfolio.empty': 'Rien n’est encore partagé.',
  'portfolio.links': 'Liens',
  'portfolio.editHeader': 'Modifier votre en-tête',
  'portfolio.featured': 'À la une',
  'portfolio.certificates': 'Certificats',
  'portfolio.certificatesLead': 'Décernés pour avoir achevé un parcours de plusieurs certifications.',
  'portfolio.credentials': 'Certifications',
  'portfolio.skills': 'Compétences',
  'portfolio.skillsLead': 'Prouvées par les certifications ci-dessus valides à ce jour.',
  'portfolio.skillCount': '{count, plural, one {# certification} other {# certifications}}',
  'portfolio.issuedOn': 'Délivrée le {date}',
  'portfolio.pathway': 'Parcours\u00a0: {name}',

  'publicProfile.heading': 'En-tête du portfolio',
  'publicProfile.lead': 'Ce que les visiteurs de votre portfolio public voient sous votre nom.',
  'publicProfile.headline': 'Accroche',
  'publicProfile.headlineHint':
    'Une ligne courte, comme «\u00a0Analyste de données chez Acme\u00a0»\u00a0: {max} caractères au plus.',
  'publicProfile.link': 'Lien {number}',
  'publicProfile.linkLabel': 'Libellé',
  'publicProfile.linkUrl': 'Adresse (https)',
  'publicProfile.linksHint':
    'Jusqu’à {max} liens, comme votre site ou votre profil LinkedIn. Adresses https uniquement\u00a0; sans libellé, le nom du site est affiché.',
  'publicProfile.save': 'Mettre à jour l’en-tête',
  'publicProfile.saved': 'En-tête du portfolio mis à jour.',
  'publicProfile.refused':
    'L’en-tête du portfolio n’a pas été modifié\u00a0: corrigez les champs signalés ci-dessous.',
  'publicProfile.error.headlineTooLong': 'L’accroche dépasse {max} caractères.',
  'publicProfile.error.tooManyLinks': '{max} liens au plus.',
  'publicProfile.error.notHttps':
    'Lien {number}\u00a0: saisissez une adresse web complète commençant par https://.',
  'publicProfile.error.urlTooLong': 'Lien {number}\u00a0: l’adresse dépasse {max} caractères.',
  'publicProfile.error.labelTooLong': 'Lien {number}\u00a0: le libellé dépasse {max} caractères.',
  'publicProfile.error.labelWithoutUrl': 'Lien {number}\u00a0: un libellé demande une adresse.',

  'featured.add': 'Mettre à la une',
  'featured.remove': 'Retirer de la une',
  'featured.label': 'À la une de votre portfolio',
  'featured.added': 'Mise à la une de votre portfolio public.',
  'featured.removed': 'Retirée de la une.',
  'featured.full': 'Vous avez déjà {max} certifications à la une\u00a0: retirez-en une d’abord.',
  'featured.notPublic':
    'Seule une certification publique peut être mise à la une\u00a0: rendez-la publique d’abord.',
};
