// The records-request letter, in French whatever the interface language: it is sent to a French
// town hall and cites French law (Code des relations entre le public et l'administration, CRPA).
// Pure text, so that it can be tested without a browser and put into the page with textContent.

/** What each subject asks for, in the letter's words. */
export const SUBJECTS = {
  camera_list: {
    title: 'liste et emplacements des caméras de vidéoprotection',
    asked: 'la liste des caméras de vidéoprotection installées ou exploitées par la commune, avec pour chacune son '
      + 'emplacement (adresse ou coordonnées), sa date de mise en service et le service qui l’exploite, ainsi que les plans '
      + 'd’implantation s’ils existent.',
  },
  authorisations: {
    title: 'autorisations préfectorales de vidéoprotection',
    asked: 'les arrêtés préfectoraux autorisant les systèmes de vidéoprotection de la commune (article L252-1 du code de '
      + 'la sécurité intérieure), avec leurs annexes (périmètres, nombre de caméras autorisées), et les demandes '
      + 'd’autorisation ou de renouvellement déposées par la commune.',
  },
  budgets: {
    title: 'dépenses de vidéoprotection',
    asked: 'les documents budgétaires et comptables relatifs à la vidéoprotection pour les cinq derniers exercices : '
      + 'dépenses d’acquisition, d’installation et de maintenance, dépenses de personnel affecté au visionnage, marchés '
      + 'publics correspondants et subventions reçues (notamment du Fonds interministériel de prévention de la délinquance).',
  },
  cnil_records: {
    title: 'registre des traitements de vidéoprotection',
    asked: 'l’extrait du registre des activités de traitement de la commune (article 30 du règlement général sur la '
      + 'protection des données) qui concerne la vidéoprotection, et l’analyse d’impact relative à la protection des '
      + 'données correspondante si elle a été réalisée (article 35 du même règlement).',
  },
};

/** The letter's parts for a city ({code, name}), a subject and a date (a Date). */
export function letter(city, subject, date) {
  const s = SUBJECTS[subject] || SUBJECTS.camera_list;
  const day = date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    recipient: `Madame la Maire, Monsieur le Maire\nMairie de ${city.name}\n(commune ${city.code})`,
    placeAndDate: `le ${day}`,
    object: `Objet : demande de communication de documents administratifs (${s.title})`,
    salutation: 'Madame la Maire, Monsieur le Maire,',
    paragraphs: [
      'En application des articles L300-1 et L311-1 du code des relations entre le public et l’administration (CRPA), '
        + `je vous prie de bien vouloir me communiquer les documents administratifs suivants, détenus par la commune de ${city.name} :`,
      s.asked,
      'Conformément aux articles L311-9 et L300-4 du CRPA, je souhaite les recevoir par courrier électronique, dans un '
        + 'format ouvert et aisément réutilisable, ou à défaut par courrier postal à l’adresse ci-dessus. Si certains '
        + 'documents comportent des mentions qui ne peuvent être communiquées, je vous remercie de me les transmettre '
        + 'après occultation de ces seules mentions (article L311-7 du CRPA).',
      'À défaut de réponse dans un délai d’un mois à compter de la réception de cette demande, le silence gardé vaudra '
        + 'refus (article R311-13 du CRPA), que je pourrai soumettre à la Commission d’accès aux documents administratifs '
        + '(CADA), conformément à l’article L342-1 du même code.',
      'Je vous prie d’agréer, Madame la Maire, Monsieur le Maire, l’expression de mes salutations distinguées.',
    ],
  };
}
