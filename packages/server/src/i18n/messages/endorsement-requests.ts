/** Requests for endorsement: asking (console), answering (employer workspace) and their mails (en, fr). */
export const endorsementRequestsEn = {
  // The mails: to the organisation asked, and back to the issuer that asked.
  'mail.endorsementRequest.subject': '{issuer} asks you to endorse “{achievement}”',
  'mail.endorsementRequest.body':
    '{issuer} asks {organisation} to endorse its achievement “{achievement}” on microcred.',
  'mail.endorsementRequest.bodyMessage':
    '{issuer} asks {organisation} to endorse its achievement “{achievement}” on microcred. Their message: “{message}”',
  'mail.endorsementRequest.action': 'Review the request',
  'mail.endorsementRequest.note':
    'You can endorse it, decline, or answer with a comment; nothing is signed until you endorse.',
  'mail.endorsementRequest.noteInvited':
    'Sign in with this address. If your organisation has no employer account on microcred yet, ask for one: the request will wait in its workspace.',
  'mail.endorsementAnswer.endorsed.subject': '{organisation} endorses “{achievement}”',
  'mail.endorsementAnswer.endorsed.body':
    '{organisation} endorsed “{achievement}” as you asked. Credentials of it issued from now on carry the endorsement.',
  'mail.endorsementAnswer.declined.subject': '{organisation} declined to endorse “{achievement}”',
  'mail.endorsementAnswer.declined.body': '{organisation} declined your request to endorse “{achievement}”.',
  'mail.endorsementAnswer.commented.subject': '{organisation} commented on your request for “{achievement}”',
  'mail.endorsementAnswer.commented.body':
    '{organisation} answered your request to endorse “{achievement}” with a comment; the request is still open.',
  'mail.endorsementAnswer.comment': 'Their comment: “{comment}”',
  'mail.endorsementAnswer.noComment': 'They left no comment.',
  'mail.endorsementAnswer.action': 'See your requests',
  // Words both sides use.
  'endorsementRequest.state.pending': 'Pending',
  'endorsementRequest.state.endorsed': 'Endorsed',
  'endorsementRequest.state.declined': 'Declined',
  'endorsementRequest.state.cancelled': 'Cancelled',
  'endorsementRequest.achievement': 'Achievement',
  'endorsementRequest.state': 'State',
  'endorsementRequest.date': 'Asked on',
  'endorsementRequest.message': 'Their message',
  'endorsementRequest.response': 'Answer',
  'endorsementRequest.actions': 'Actions',
  'endorsementRequest.noMessage': 'No message.',
  'endorsementRequest.tooLong': 'The text has {count} characters; at most {max} are allowed.',
  // Reviewing a request and answering it, in the employer workspace and the console alike.
  'endorsementRequest.review.title': 'Request to endorse {name}',
  'endorsementRequest.review.back': 'Back to requests',
  'endorsementRequest.review.asks': '{issuer} asks you to endorse this achievement.',
  'endorsementRequest.review.sample': 'A sample credential',
  'endorsementRequest.review.publicPage': 'Its public page',
  'endorsementRequest.review.yourAnswer': 'Your last answer',
  'endorsementRequest.review.closed': 'This request is closed: {state}.',
  'endorsementRequest.answer.heading': 'Your answer',
  'endorsementRequest.answer.comment': 'Comment',
  'endorsementRequest.answer.hint':
    'To endorse, say why: the comment is signed into the endorsement and shown publicly. To decline it is optional; a comment alone leaves the request open. At most {max} characters.',
  'endorsementRequest.answer.endorse': 'Endorse',
  'endorsementRequest.answer.decline': 'Decline',
  'endorsementRequest.answer.commentOnly': 'Send the comment only',
  'endorsementRequest.answer.required': 'Write a comment to endorse or to answer with a comment.',
  'endorsementRequest.done.endorsed': 'The achievement is endorsed; the issuer is told.',
  'endorsementRequest.done.declined': 'The request is declined; the issuer is told.',
  'endorsementRequest.done.commented': 'Your comment is sent; the request stays open.',
  // The console: an issuer asks and follows what it asked, and answers what other issuers ask of it.
  'console.endorsementRequests.nav': 'Endorsement requests',
  'console.endorsementRequests.title': 'Endorsement requests',
  'console.endorsementRequests.lead':
    'Ask an employer or another issuer to endorse one of your published achievements. They review it, then endorse it, decline or answer with a comment.',
  'console.endorsementRequests.readOnly': 'Only owners and issuers can ask for an endorsement.',
  'console.endorsementRequests.form.heading': 'Ask for an endorsement',
  'console.endorsementRequests.form.achievement': 'Achievement',
  'console.endorsementRequests.form.noAchievement':
    'Publish an achievement first: only a published one can be endorsed.',
  'console.endorsementRequests.form.organisation': 'Organisation on microcred',
  'console.endorsementRequests.form.none': 'None: I give an address',
  'console.endorsementRequests.form.employers': 'Employers',
  'console.endorsementRequests.form.issuers': 'Issuers',
  'console.endorsementRequests.form.email':
    'Or the address of someone at an organisation not on microcred yet',
  'console.endorsementRequests.form.emailHint':
    'They are invited by mail; the request waits in their employer workspace once their organisation has one.',
  'console.endorsementRequests.form.sample': 'Sample credential (optional)',
  'console.endorsementRequests.form.sampleHint':
    'The address or id of one of its credentials, shown to the organisation as an example.',
  'console.endorsementRequests.form.message': 'Message',
  'console.endorsementRequests.form.messageHint': 'Why you ask them; at most {max} characters.',
  'console.endorsementRequests.form.submit': 'Send the request',
  'console.endorsementRequests.form.pickOne': 'Choose an organisation or give an address, not both.',
  'console.endorsementRequests.form.badSample':
    'The sample credential is not an address or id of a credential.',
  'console.endorsementRequests.outgoing': 'Requests you sent',
  'console.endorsementRequests.noneSent': 'You have asked no one yet.',
  'console.endorsementRequests.organisation': 'Organisation',
  'console.endorsementRequests.invited': '{email} (invited)',
  'console.endorsementRequests.cancel': 'Cancel the request',
  'console.endorsementRequests.endorsement': 'The endorsement',
  'console.endorsementRequests.incoming': 'Requests to your issuer',
  'console.endorsementRequests.incomingHint':
    'Other issuers asking you to endorse their achievements: review each one, then endorse it, decline or answer with a comment.',
  'console.endorsementRequests.review': 'Review',
  'console.endorsementRequests.answerReadOnly': 'Only owners and issuers can answer a request.',
  'console.endorsementRequests.from': 'From',
  'console.endorsementRequests.done.requested': 'The request is sent.',
  'console.endorsementRequests.done.cancelled': 'The request is cancelled.',
  // The employer workspace: requests received, reviewed and answered.
  'employer.nav.endorsementRequests': 'Requests',
  'employer.endorsementRequests.title': 'Endorsement requests',
  'employer.endorsementRequests.lead':
    'Issuers ask you to endorse their achievements. Review what each certifies, then endorse it, decline, or answer with a comment.',
  'employer.endorsementRequests.pending': 'Waiting for your answer',
  'employer.endorsementRequests.nonePending': 'No request is waiting.',
  'employer.endorsementRequests.answered': 'Answered and closed',
  'employer.endorsementRequests.from': 'From',
  'employer.endorsementRequests.review': 'Review',
  'employer.endorsementRequests.readOnly': 'Only owners and recruiters can answer a request.',
} as const;

export const endorsementRequestsFr: Readonly<Record<keyof typeof endorsementRequestsEn, string>> = {
  'mail.endorsementRequest.subject': '{issuer} vous demande de recommander « {achievement} »',
  'mail.endorsementRequest.body':
    '{issuer} demande à {organisation} de recommander sa réalisation « {achievement} » sur microcred.',
  'mail.endorsementRequest.bodyMessage':
    '{issuer} demande à {organisation} de recommander sa réalisation « {achievement} » sur microcred. Son message : « {message} »',
  'mail.endorsementRequest.action': 'Examiner la demande',
  'mail.endorsementRequest.note':
    'Vous pouvez la recommander, refuser ou répondre par un commentaire ; rien n’est signé avant que vous ne recommandiez.',
  'mail.endorsementRequest.noteInvited':
    'Connectez-vous avec cette adresse. Si votre organisation n’a pas encore de compte employeur sur microcred, demandez-en un : la demande l’attendra dans son espace.',
  'mail.endorsementAnswer.endorsed.subject': '{organisation} recommande « {achievement} »',
  'mail.endorsementAnswer.endorsed.body':
    '{organisation} a recommandé « {achievement} » comme vous le demandiez. Les certifications émises désormais portent cette recommandation.',
  'mail.endorsementAnswer.declined.subject': '{organisation} a refusé de recommander « {achievement} »',
  'mail.endorsementAnswer.declined.body':
    '{organisation} a refusé votre demande de recommandation de « {achievement} ».',
  'mail.endorsementAnswer.commented.subject':
    '{organisation} a commenté votre demande pour « {achievement} »',
  'mail.endorsementAnswer.commented.body':
    '{organisation} a répondu par un commentaire à votre demande de recommandation de « {achievement} » ; la demande reste ouverte.',
  'mail.endorsementAnswer.comment': 'Son commentaire : « {comment} »',
  'mail.endorsementAnswer.noComment': 'Aucun commentaire.',
  'mail.endorsementAnswer.action': 'Voir vos demandes',
  'endorsementRequest.state.pending': 'En attente',
  'endorsementRequest.state.endorsed': 'Recommandée',
  'endorsementRequest.state.declined': 'Refusée',
  'endorsementRequest.state.cancelled': 'Annulée',
  'endorsementRequest.achievement': 'Réalisation',
  'endorsementRequest.state': 'État',
  'endorsementRequest.date': 'Demandée le',
  'endorsementRequest.message': 'Son message',
  'endorsementRequest.response': 'Réponse',
  'endorsementRequest.actions': 'Actions',
  'endorsementRequest.noMessage': 'Aucun message.',
  'endorsementRequest.tooLong': 'Le texte compte {count} caractères ; {max} au plus sont permis.',
  'endorsementRequest.review.title': 'Demande de recommandation de {name}',
  'endorsementRequest.review.back': 'Retour aux demandes',
  'endorsementRequest.review.asks': '{issuer} vous demande de recommander cette réalisation.',
  'endorsementRequest.review.sample': 'Une certification d’exemple',
  'endorsementRequest.review.publicPage': 'Sa page publique',
  'endorsementRequest.review.yourAnswer': 'Votre dernière réponse',
  'endorsementRequest.review.closed': 'Cette demande est close : {state}.',
  'endorsementRequest.answer.heading': 'Votre réponse',
  'endorsementRequest.answer.comment': 'Commentaire',
  'endorsementRequest.answer.hint':
    'Pour recommander, dites pourquoi : le commentaire est signé dans la recommandation et affiché publiquement. Pour refuser, il est facultatif ; un commentaire seul laisse la demande ouverte. {max} caractères au plus.',
  'endorsementRequest.answer.endorse': 'Recommander',
  'endorsementRequest.answer.decline': 'Refuser',
  'endorsementRequest.answer.commentOnly': 'Envoyer le commentaire seul',
  'endorsementRequest.answer.required':
    'Écrivez un commentaire pour recommander ou pour répondre par un commentaire.',
  'endorsementRequest.done.endorsed': 'La réalisation est recommandée ; l’émetteur en est informé.',
  'endorsementRequest.done.declined': 'La demande est refusée ; l’émetteur en est informé.',
  'endorsementRequest.done.commented': 'Votre commentaire est envoyé ; la demande reste ouverte.',
  'console.endorsementRequests.nav': 'Demandes de recommandation',
  'console.endorsementRequests.title': 'Demandes de recommandation',
  'console.endorsementRequests.lead':
    'Demandez à un employeur ou à un autre émetteur de recommander l’une de vos réalisations publiées. Il l’examine, puis la recommande, refuse ou répond par un commentaire.',
  'console.endorsementRequests.readOnly':
    'Seuls les propriétaires et les émetteurs peuvent demander une recommandation.',
  'console.endorsementRequests.form.heading': 'Demander une recommandation',
  'console.endorsementRequests.form.achievement': 'Réalisation',
  'console.endorsementRequests.form.noAchievement':
    'Publiez d’abord une réalisation : seule une réalisation publiée peut être recommandée.',
  'console.endorsementRequests.form.organisation': 'Organisation présente sur microcred',
  'console.endorsementRequests.form.none': 'Aucune : j’indique une adresse',
  'console.endorsementRequests.form.employers': 'Employeurs',
  'console.endorsementRequests.form.issuers': 'Émetteurs',
  'console.endorsementRequests.form.email':
    'Ou l’adresse d’une personne d’une organisation qui n’est pas encore sur microcred',
  'console.endorsementRequests.form.emailHint':
    'Elle est invitée par courriel ; la demande l’attend dans son espace employeur dès que son organisation en a un.',
  'console.endorsementRequests.form.sample': 'Certification d’exemple (facultatif)',
  'console.endorsementRequests.form.sampleHint':
    'L’adresse ou l’identifiant de l’une de ses certifications, montrée à l’organisation en exemple.',
  'console.endorsementRequests.form.message': 'Message',
  'console.endorsementRequests.form.messageHint': 'Pourquoi vous la sollicitez ; {max} caractères au plus.',
  'console.endorsementRequests.form.submit': 'Envoyer la demande',
  'console.endorsementRequests.form.pickOne':
    'Choisissez une organisation ou indiquez une adresse, pas les deux.',
  'console.endorsementRequests.form.badSample':
    'La certification d’exemple n’est ni l’adresse ni l’identifiant d’une certification.',
  'console.endorsementRequests.outgoing': 'Demandes envoyées',
  'console.endorsementRequests.noneSent': 'Vous n’avez encore rien demandé.',
  'console.endorsementRequests.organisation': 'Organisation',
  'console.endorsementRequests.invited': '{email} (invitée)',
  'console.endorsementRequests.cancel': 'Annuler la demande',
  'console.endorsementRequests.endorsement': 'La recommandation',
  'console.endorsementRequests.incoming': 'Demandes adressées à votre émetteur',
  'console.endorsementRequests.incomingHint':
    'D’autres émetteurs vous demandent de recommander leurs réalisations : examinez chacune, puis recommandez-la, refusez ou répondez par un commentaire.',
  'console.endorsementRequests.review': 'Examiner',
  'console.endorsementRequests.answerReadOnly':
    'Seuls les propriétaires et les émetteurs peuvent répondre à une demande.',
  'console.endorsementRequests.from': 'De',
  'console.endorsementRequests.done.requested': 'La demande est envoyée.',
  'console.endorsementRequests.done.cancelled': 'La demande est annulée.',
  'employer.nav.endorsementRequests': 'Demandes',
  'employer.endorsementRequests.title': 'Demandes de recommandation',
  'employer.endorsementRequests.lead':
    'Des émetteurs vous demandent de recommander leurs réalisations. Examinez ce que chacune certifie, puis recommandez-la, refusez ou répondez par un commentaire.',
  'employer.endorsementRequests.pending': 'En attente de votre réponse',
  'employer.endorsementRequests.nonePending': 'Aucune demande en attente.',
  'employer.endorsementRequests.answered': 'Traitées et closes',
  'employer.endorsementRequests.from': 'De',
  'employer.endorsementRequests.review': 'Examiner',
  'employer.endorsementRequests.readOnly':
    'Seuls les propriétaires et les recruteurs peuvent répondre à une demande.',
};
