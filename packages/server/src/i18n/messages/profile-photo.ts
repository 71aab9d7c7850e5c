/** The profile photo in the earner's settings (spread into en.ts and fr.ts). */
export const profilePhotoEn = {
  'photo.heading': 'Photo',
  'photo.lead':
    'Shown at the top of your public portfolio, in place of your initials, and on its preview image.',
  'photo.none': 'No photo yet: your portfolio shows your initials.',
  'photo.private':
    'Your portfolio is not public until you choose a public handle: until then, nobody else sees your photo.',
  'photo.file': 'Photo file',
  'photo.hint':
    'JPEG, PNG or WebP, up to {megabytes} MB and {side} × {side} pixels. It is cropped to a centred square, and everything but the picture itself (such as where it was taken and with which camera) is removed.',
  'photo.upload': 'Upload photo',
  'photo.replace': 'Replace photo',
  'photo.remove': 'Remove photo',
  'photo.removeConfirm': 'Remove your photo? Your portfolio will show your initials again.',
  'photo.saved': 'Photo updated.',
  'photo.removed': 'Photo removed.',
  'photo.refused': 'The photo was not changed: see why below.',
  'photo.error.empty': 'Choose a photo to upload.',
  'photo.error.tooLarge': 'The photo is larger than {megabytes} MB: choose a smaller file.',
  'photo.error.notAnImage': 'This file is not a JPEG, PNG or WebP image.',
  'photo.error.tooManyPixels': 'The photo is larger than {side} × {side} pixels: choose a smaller image.',
  'photo.error.unreadable': 'The file could not be read as an image: it may be damaged.',
};

export const profilePhotoFr: Readonly<Record<keyof typeof profilePhotoEn, string>> = {
  'photo.heading': 'Photo',
  'photo.lead':
    'Affichée en haut de votre portfolio public, à la place de vos initiales, et sur son image d’aperçu.',
  'photo.none': 'Pas encore de photo : votre portfolio affiche vos initiales.',
  'photo.private':
    'Votre portfolio n’est pas public tant que vous n’avez pas choisi d’identifiant public : d’ici là, personne d’autre ne voit votre photo.',
  'photo.file': 'Fichier de la photo',
  'photo.hint':
    'JPEG, PNG ou WebP, jusqu’à {megabytes} Mo et {side} × {side} pixels. Elle est recadrée en un carré centré, et tout ce qui n’est pas l’image elle-même (comme le lieu et l’appareil de la prise de vue) est supprimé.',
  'photo.upload': 'Envoyer la photo',
  'photo.replace': 'Remplacer la photo',
  'photo.remove': 'Supprimer la photo',
  'photo.removeConfirm': 'Supprimer votre photo ? Votre portfolio affichera de nouveau vos initiales.',
  'photo.saved': 'Photo mise à jour.',
  'photo.removed': 'Photo supprimée.',
  'photo.refused': 'La photo n’a pas été modifiée : voyez pourquoi ci-dessous.',
  'photo.error.empty': 'Choisissez une photo à envoyer.',
  'photo.error.tooLarge': 'La photo dépasse {megabytes} Mo : choisissez un fichier plus petit.',
  'photo.error.notAnImage': 'Ce fichier n’est pas une image JPEG, PNG ou WebP.',
  'photo.error.tooManyPixels': 'La photo dépasse {side} × {side} pixels : choisissez une image plus petite.',
  'photo.error.unreadable': 'Le fichier n’a pas pu être lu comme une image : il est peut-être endommagé.',
};
