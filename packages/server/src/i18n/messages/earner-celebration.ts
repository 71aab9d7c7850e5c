/** The moment after accepting a credential, and credentials still waiting for an answer. Spread into en.ts and fr.ts. */
export const earnerCelebrationEn = {
  'accepted.title': 'Congratulations!',
  'accepted.lead': 'You earned “{name}” from {issuer}. It is in your credentials now.',
  'accepted.private': 'It is private: only you see it. Make it public to share it, or keep it to yourself.',
  'accepted.next': 'Show it where it counts',
  'accepted.linkedin': 'Add to my LinkedIn profile',
  'accepted.page': 'Open its public page',
  'accepted.pageHint': 'Its address proves it to anyone: paste it in a resume, a mail or an application.',
  'accepted.makePublic': 'Make it public',
  'accepted.all': 'All my credentials',
  'account.pending.heading': 'Waiting for your answer',
  'account.pending.lead':
    'Issuers sent you these. Accept one to keep it in your credentials; decline it if it is not yours.',
  'account.pending.label': 'Not accepted yet',
  'account.mine.heading': 'My credentials',
};

export const earnerCelebrationFr: Record<keyof typeof earnerCelebrationEn, string> = {
  'accepted.title': 'Félicitations !',
  'accepted.lead': 'Vous avez obtenu « {name} » de {issuer}. Elle figure désormais parmi vos certifications.',
  'accepted.private':
    'Elle est privée : vous seul la voyez. Rendez-la publique pour la partager, ou gardez-la pour vous.',
  'accepted.next': 'Montrez-la là où elle compte',
  'accepted.linkedin': 'Ajouter à mon profil LinkedIn',
  'accepted.page': 'Ouvrir sa page publique',
  'accepted.pageHint': 'Son adresse la prouve à tous : collez-la dans un CV, un courriel ou une candidature.',
  'accepted.makePublic': 'La rendre publique',
  'accepted.all': 'Toutes mes certifications',
  'account.pending.heading': 'En attente de votre réponse',
  'account.pending.lead':
    'Des émetteurs vous les ont envoyées. Acceptez-en une pour la garder ; refusez-la si elle n’est pas à vous.',
  'account.pending.label': 'Pas encore acceptée',
  'account.mine.heading': 'Mes certifications',
};
