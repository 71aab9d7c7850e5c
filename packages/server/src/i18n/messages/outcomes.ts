/** The career outcomes survey (domain/outcomes): its mail, account page, answer links and the console section. */
export const outcomesEn = {
  'notify.kind.outcome-survey': 'career outcomes survey',
  'notify.kindHint.outcome-survey':
    'At 3, 6 and 12 months after a credential, one question about your career. Issuers only see totals, and only once at least 5 earners answered.',
  'outcomes.mail.subject': 'Since earning “{achievement}”: one question',
  'outcomes.mail.body':
    'It is {months} months since you earned “{achievement}”. Since then, did you get a promotion, a new job, a raise, new responsibilities, or none? One click per answer; click several if several apply.',
  'outcomes.mail.action': 'Answer on your account page',
  'outcomes.answer.promotion': 'a promotion',
  'outcomes.answer.new-job': 'a new job',
  'outcomes.answer.raise': 'a raise',
  'outcomes.answer.responsibilities': 'new responsibilities',
  'outcomes.answer.none': 'none of these',
  'outcomes.question':
    'Since earning “{achievement}”, did you get a promotion, a new job, a raise, new responsibilities, or none?',
  'outcomes.wave': '{months} months after earning it',
  'outcomes.consent.heading': 'Help show what credentials are worth',
  'outcomes.consent.lead':
    'May we ask you, 3, 6 and 12 months after each credential, whether it helped your career? The issuer only sees totals across earners, and only once at least 5 earners answered; never your name or your answer.',
  'outcomes.consent.yes': 'Yes, ask me',
  'outcomes.consent.no': 'No, thanks',
  'outcomes.account.heading': 'Career outcomes survey',
  'outcomes.account.save': 'Send answer',
  'outcomes.account.answered': 'Your answer: {answers}.',
  'outcomes.account.saved': 'Thank you: your answer is recorded.',
  'outcomes.link.title': 'Your answer',
  'outcomes.link.confirm': 'Record “{outcome}” as your answer about “{achievement}” ({months} months)?',
  'outcomes.link.button': 'Record my answer',
  'outcomes.link.done':
    'Thank you: your answer is recorded. Other answers apply too? Click their links in the mail as well.',
  'outcomes.console.heading': 'Career outcomes',
  'outcomes.console.lead':
    'Earners who consented are asked 3, 6 and 12 months after their credential. Percentages are of respondents, with a 95% Wilson confidence interval.',
  'outcomes.console.responseRate': '{respondents} of {asked} earners asked answered ({rate})',
  'outcomes.console.notShown': 'Fewer than {min} answers: not shown.',
  'outcomes.console.noneAsked': 'Nobody has been asked yet.',
  'outcomes.console.outcome': 'Outcome',
  'outcomes.console.share': 'Share of respondents',
  'outcomes.console.interval': '95% interval',
  'outcomes.console.respondents': 'Respondents',
} as const;

export const outcomesFr: Readonly<Record<keyof typeof outcomesEn, string>> = {
  'notify.kind.outcome-survey': 'enquête sur le parcours professionnel',
  'notify.kindHint.outcome-survey':
    'À 3, 6 et 12 mois après une certification, une question sur votre carrière. Les émetteurs ne voient que des totaux, et seulement quand au moins 5 titulaires ont répondu.',
  'outcomes.mail.subject': 'Depuis « {achievement} » : une question',
  'outcomes.mail.body':
    'Vous avez obtenu « {achievement} » il y a {months} mois. Depuis, avez-vous eu une promotion, un nouvel emploi, une augmentation, de nouvelles responsabilités, ou rien de cela ? Un clic par réponse ; cliquez-en plusieurs si plusieurs s’appliquent.',
  'outcomes.mail.action': 'Répondre depuis votre compte',
  'outcomes.answer.promotion': 'une promotion',
  'outcomes.answer.new-job': 'un nouvel emploi',
  'outcomes.answer.raise': 'une augmentation',
  'outcomes.answer.responsibilities': 'de nouvelles responsabilités',
  'outcomes.answer.none': 'rien de cela',
  'outcomes.question':
    'Depuis que vous avez obtenu « {achievement} », avez-vous eu une promotion, un nouvel emploi, une augmentation, de nouvelles responsabilités, ou rien de cela ?',
  'outcomes.wave': '{months} mois après l’obtention',
  'outcomes.consent.heading': 'Aidez à montrer ce que valent les certifications',
  'outcomes.consent.lead':
    'Pouvons-nous vous demander, 3, 6 et 12 mois après chaque certification, si elle a aidé votre carrière ? L’émetteur ne voit que des totaux, et seulement quand au moins 5 titulaires ont répondu ; jamais votre nom ni votre réponse.',
  'outcomes.consent.yes': 'Oui, demandez-moi',
  'outcomes.consent.no': 'Non merci',
  'outcomes.account.heading': 'Enquête sur le parcours professionnel',
  'outcomes.account.save': 'Envoyer la réponse',
  'outcomes.account.answered': 'Votre réponse : {answers}.',
  'outcomes.account.saved': 'Merci : votre réponse est enregistrée.',
  'outcomes.link.title': 'Votre réponse',
  'outcomes.link.confirm': 'Enregistrer « {outcome} » comme réponse pour « {achievement} » ({months} mois) ?',
  'outcomes.link.button': 'Enregistrer ma réponse',
  'outcomes.link.done':
    'Merci : votre réponse est enregistrée. D’autres réponses s’appliquent ? Cliquez aussi leurs liens dans le courriel.',
  'outcomes.console.heading': 'Parcours professionnels',
  'outcomes.console.lead':
    'Les titulaires qui l’ont accepté sont interrogés 3, 6 et 12 mois après leur certification. Les pourcentages portent sur les répondants, avec un intervalle de confiance de Wilson à 95 %.',
  'outcomes.console.responseRate': '{respondents} sur {asked} titulaires interrogés ont répondu ({rate})',
  'outcomes.console.notShown': 'Moins de {min} réponses : non affiché.',
  'outcomes.console.noneAsked': 'Personne n’a encore été interrogé.',
  'outcomes.console.outcome': 'Résultat',
  'outcomes.console.share': 'Part des répondants',
  'outcomes.console.interval': 'Intervalle à 95 %',
  'outcomes.console.respondents': 'Répondants',
};
