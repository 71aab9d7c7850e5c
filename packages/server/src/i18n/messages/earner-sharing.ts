/** The earner's consent to be found by employers (spread into en.ts and fr.ts). */
export const earnerSharingEn = {
  'sharing.title': 'Be found by employers',
  'sharing.link': 'Be found by employers',
  'sharing.lead':
    'Let employers on this platform find you by the skills your verified credentials prove. You choose who can find you and what they see; nobody finds you until you agree.',
  'sharing.seesHeading': 'What an employer sees',
  'sharing.seesName':
    'Your name, if you choose to show it. Otherwise only a candidate reference: a code that differs from one employer to the next, so two employers cannot tell that it is the same person.',
  'sharing.seesContact':
    'Your confirmed email address, if you choose to show it, so that they can get in touch. Otherwise they do not see it.',
  'sharing.seesCredentials':
    'The skills proven by the credentials you choose, each with the credential, its issuer and its date. Only verified credentials count: revoked, suspended, expired or declined ones never show.',
  'sharing.seesLocation': 'Your location as you type it, if you give one: employers can search by it.',
  'sharing.seesNothingElse':
    'Nothing else from your account: not the credentials you left out, not your other addresses, not your settings.',
  'sharing.whereHint':
    'Every employer on this platform searches the public talent directory. A consent to one employer is for that employer alone, and what it shows replaces, for them, what the directory shows.',
  'sharing.withdrawHint':
    'Withdrawing takes effect at once: you disappear from the next search of that employer (or of the directory), not even counted.',
  'sharing.currentHeading': 'Where you can be found',
  'sharing.none': 'You have not agreed to be found: no employer can find you.',
  'sharing.directory': 'The public talent directory',
  'sharing.directoryWho': 'every employer on this platform',
  'sharing.employerGone': 'An employer no longer on this platform',
  'sharing.employerGoneTarget': 'an employer no longer on this platform',
  'sharing.nameLabel': 'Name',
  'sharing.nameShown': 'shown',
  'sharing.nameHidden': 'hidden: a candidate reference instead',
  'sharing.contactLabel': 'Contact address',
  'sharing.contactShown': 'shown',
  'sharing.contactHidden': 'not shown',
  'sharing.credentialsLabel': 'Credentials',
  'sharing.credentialsAllShown': 'all you hold, now and later',
  'sharing.credentialGone': 'a credential no longer in your portfolio',
  'sharing.locationLabel': 'Location',
  'sharing.locationNone': 'not given',
  'sharing.changedLabel': 'Last changed',
  'sharing.change': 'Change',
  'sharing.withdraw': 'Withdraw',
  'sharing.withdrawConfirm': 'Withdraw this consent? You disappear from these searches at once.',
  'sharing.formHeading': 'Give or change a consent',
  'sharing.formHint': 'Saving for a place where you can already be found replaces what you chose there.',
  'sharing.to': 'Who can find you',
  'sharing.toEmployers': 'One employer only',
  'sharing.showName': 'Show my name',
  'sharing.showContact': 'Show my contact address',
  'sharing.credentials': 'Which credentials',
  'sharing.credentialsAll': 'All I hold, now and later',
  'sharing.credentialsChosen': 'Only the ones I tick below',
  'sharing.noCredentials':
    'You have no accepted credential or import yet: accept one on your account page to choose it here.',
  'sharing.location': 'Location (optional)',
  'sharing.locationHint': 'A city or a region, as you want employers to read it.',
  'sharing.save': 'Save',
  'sharing.chooseOne': 'Tick at least one credential, or share all of them.',
  'sharing.directoryTarget': 'the public talent directory',
  'sharing.saved': 'Saved: your consent for {target} is listed below.',
  'sharing.withdrawn':
    'Withdrawn: your consent for {target} is gone, and you no longer appear in its searches.',
  'sharing.nothingToWithdraw': 'You had no consent for {target}: there was nothing to withdraw.',
};

export const earnerSharingFr: Readonly<Record<keyof typeof earnerSharingEn, string>> = {
  'sharing.title': 'Se faire connaître des employeurs',
  'sharing.link': 'Se faire connaître des employeurs',
  'sharing.lead':
    'Permettez aux employeurs de cette plateforme de vous trouver grâce aux compétences que prouvent vos certifications vérifiées. Vous choisissez qui peut vous trouver et ce qu’il voit ; personne ne vous trouve tant que vous n’avez pas donné votre accord.',
  'sharing.seesHeading': 'Ce que voit un employeur',
  'sharing.seesName':
    'Votre nom, si vous choisissez de le montrer. Sinon, seulement une référence de candidature : un code différent d’un employeur à l’autre, pour que deux employeurs ne puissent pas savoir qu’il s’agit de la même personne.',
  'sharing.seesContact':
    'Votre adresse e-mail confirmée, si vous choisissez de la montrer, pour qu’il puisse vous contacter. Sinon, il ne la voit pas.',
  'sharing.seesCredentials':
    'Les compétences prouvées par les certifications que vous choisissez, chacune avec la certification, son émetteur et sa date. Seules les certifications vérifiées comptent : révoquées, suspendues, expirées ou refusées, elles n’apparaissent jamais.',
  'sharing.seesLocation':
    'Votre localisation telle que vous la saisissez, si vous en donnez une : les employeurs peuvent chercher par localisation.',
  'sharing.seesNothingElse':
    'Rien d’autre de votre compte : ni les certifications que vous n’avez pas choisies, ni vos autres adresses, ni vos réglages.',
  'sharing.whereHint':
    'Tous les employeurs de cette plateforme consultent l’annuaire public des talents. Un accord donné à un employeur ne vaut que pour lui, et ce qu’il montre remplace, pour cet employeur, ce que montre l’annuaire.',
  'sharing.withdrawHint':
    'Le retrait prend effet immédiatement : vous disparaissez de la recherche suivante de cet employeur (ou de l’annuaire), sans même y être compté.',
  'sharing.currentHeading': 'Où l’on peut vous trouver',
  'sharing.none': 'Vous n’avez donné aucun accord : aucun employeur ne peut vous trouver.',
  'sharing.directory': 'L’annuaire public des talents',
  'sharing.directoryWho': 'tous les employeurs de cette plateforme',
  'sharing.employerGone': 'Un employeur qui n’est plus sur cette plateforme',
  'sharing.employerGoneTarget': 'un employeur qui n’est plus sur cette plateforme',
  'sharing.nameLabel': 'Nom',
  'sharing.nameShown': 'visible',
  'sharing.nameHidden': 'masqué : une référence de candidature à la place',
  'sharing.contactLabel': 'Adresse de contact',
  'sharing.contactShown': 'visible',
  'sharing.contactHidden': 'masquée',
  'sharing.credentialsLabel': 'Certifications',
  'sharing.credentialsAllShown': 'toutes celles que vous détenez, aujourd’hui et à l’avenir',
  'sharing.credentialGone': 'une certification qui n’est plus dans votre portfolio',
  'sharing.locationLabel': 'Localisation',
  'sharing.locationNone': 'non indiquée',
  'sharing.changedLabel': 'Dernière modification',
  'sharing.change': 'Modifier',
  'sharing.withdraw': 'Retirer',
  'sharing.withdrawConfirm': 'Retirer cet accord ? Vous disparaissez de ces recherches immédiatement.',
  'sharing.formHeading': 'Donner ou modifier un accord',
  'sharing.formHint':
    'Enregistrer pour un destinataire qui peut déjà vous trouver remplace ce que vous aviez choisi pour lui.',
  'sharing.to': 'Qui peut vous trouver',
  'sharing.toEmployers': 'Un seul employeur',
  'sharing.showName': 'Montrer mon nom',
  'sharing.showContact': 'Montrer mon adresse de contact',
  'sharing.credentials': 'Quelles certifications',
  'sharing.credentialsAll': 'Toutes celles que je détiens, aujourd’hui et à l’avenir',
  'sharing.credentialsChosen': 'Seulement celles que je coche ci-dessous',
  'sharing.noCredentials':
    'Vous n’avez encore ni certification acceptée ni import : acceptez-en une sur la page de votre compte pour la choisir ici.',
  'sharing.location': 'Localisation (facultatif)',
  'sharing.locationHint': 'Une ville ou une région, telle que vous voulez que les employeurs la lisent.',
  'sharing.save': 'Enregistrer',
  'sharing.chooseOne': 'Cochez au moins une certification, ou partagez-les toutes.',
  'sharing.directoryTarget': 'l’annuaire public des talents',
  'sharing.saved': 'Enregistré : votre accord pour {target} figure ci-dessous.',
  'sharing.withdrawn':
    'Retiré : votre accord pour {target} n’existe plus, et vous n’apparaissez plus dans ses recherches.',
  'sharing.nothingToWithdraw': 'Vous n’aviez pas d’accord pour {target} : il n’y avait rien à retirer.',
};
