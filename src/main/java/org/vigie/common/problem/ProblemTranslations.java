package org.vigie.common.problem;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems are written in English where they are thrown; a client that asks for French
 * (Accept-Language: fr) gets them translated here, title by title and sentence by sentence. A sentence
 * missing from the catalogue stays in English rather than being dropped. To translate a new problem,
 * add its title to TITLES and its sentences to SENTENCES (the groups of the English pattern are $1, $2
 * in the French).
 */
final class ProblemTranslations {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("Invalid input", "Saisie invalide"),
            Map.entry("Malformed JSON", "JSON mal formé"),
            Map.entry("Not found", "Introuvable"),
            Map.entry("Authentication required", "Connexion requise"),
            Map.entry("Forbidden", "Interdit"),
            Map.entry("Busy", "Serveur occupé"),
            Map.entry("Internal error", "Erreur interne"),
            Map.entry("Precondition required", "Version requise"),
            Map.entry("Version conflict", "Conflit de versions"),
            Map.entry("Gone", "Supprimé"),
            Map.entry("Undecodable image", "Image illisible"),
            Map.entry("Unsupported image", "Format d'image non pris en charge"),
            Map.entry("Photo too large", "Photo trop grande"),
            // floor plans (issue 16)
            Map.entry("Floor not found", "Étage introuvable"),
            Map.entry("Floor plan not found", "Plan d'étage introuvable"),
            Map.entry("Floor plan removed", "Plan d'étage retiré"),
            Map.entry("Floor plan too large", "Plan d'étage trop grand"),
            Map.entry("Too many floor plans", "Trop de plans d'étage"),
            Map.entry("Site deleted", "Site supprimé"),
            Map.entry("Site has cameras", "Le site a encore des caméras"),
            // register corrections (issue 17)
            Map.entry("Entry deleted", "Entrée supprimée"),
            Map.entry("Authorisation named by cameras", "Autorisation citée par des caméras"),
            Map.entry("Request too large", "Requête trop grande"),
            Map.entry("Length required", "Longueur requise"),
            Map.entry("Import failed", "Échec de l'import"),
            Map.entry("Idempotency key reused", "Clé d'idempotence déjà utilisée"),
            Map.entry("Cannot change your own role", "Impossible de changer votre propre rôle"),
            Map.entry("Camera not hidden", "Caméra non masquée"),
            Map.entry("Tile not found", "Tuile introuvable"),
            Map.entry("Tile server failed", "Le serveur de tuiles a échoué"),
            Map.entry("Too many tile requests", "Trop de demandes de tuiles"),
            Map.entry("Too many failed logins", "Trop de connexions échouées"),
            Map.entry("Login in progress", "Connexion en cours"),
            Map.entry("Too many requests", "Trop de requêtes"),
            Map.entry("Method Not Allowed", "Méthode non autorisée"),
            Map.entry("Not Found", "Introuvable"),
            Map.entry("Unsupported Media Type", "Type de contenu non pris en charge"),
            Map.entry("Not Acceptable", "Format de réponse non disponible"),
            Map.entry("Bad Request", "Requête invalide"),
            Map.entry("Conflict", "Conflit"),
            Map.entry("Wrong password", "Mot de passe erroné"),
            // issue 14: suspensions and deleting one's account
            Map.entry("Account suspended", "Compte suspendu"),
            Map.entry("The instance's last admin", "Le dernier administrateur de l'instance"),
            // sending to OpenStreetMap
            Map.entry("Uploads to OpenStreetMap are not configured", "Envoi vers OpenStreetMap non configuré"),
            Map.entry("An upload is under way", "Un envoi est en cours"),
            Map.entry("Nothing to send", "Rien à envoyer"),
            Map.entry("OpenStreetMap's API failed", "L'API d'OpenStreetMap a échoué"),
            Map.entry("Not held", "Caméra non retenue"));

    private record Sentence(Pattern english, String french) {
    }

    private static final List<Sentence> SENTENCES = List.of(
            s("the request body is not valid JSON(.*)", "le corps de la requête n'est pas du JSON valide$1"),
            s("(\\d+) fields are invalid", "$1 champs sont invalides"),
            s("is not a known field", "n'est pas un champ connu"),
            s("a key is given twice \\((.*)\\)", "une clé est donnée deux fois ($1)"),
            s("has more after the JSON value: send one value only", "contient autre chose après la valeur JSON : n'en envoyez qu'une"),
            s("must be a whole number \\(not text, not a decimal\\)", "doit être un nombre entier (ni du texte, ni un décimal)"),
            s("must be a whole number from (-?\\d+) to (-?\\d+)", "doit être un nombre entier de $1 à $2"),
            s("must be a number from (-?\\d+) to (-?\\d+)", "doit être un nombre de $1 à $2"),
            s("must be from (-?\\d+) to (-?\\d+)", "doit être compris entre $1 et $2"),
            s("must be a number", "doit être un nombre"),
            s("must be true or false", "doit valoir true ou false"),
            s("must be a string", "doit être une chaîne de caractères"),
            s("must be an array", "doit être un tableau"),
            s("must be an object", "doit être un objet"),
            s("must be at most (\\d+) characters", "doit faire au plus $1 caractères"),
            s("must not contain NUL characters(.*)", "ne doit pas contenir de caractère NUL$1"),
            s("must not contain control characters \\((.*)\\)", "ne doit pas contenir de caractère de contrôle ($1)"),
            s("must not contain bidirectional override characters \\((.*)\\)",
                    "ne doit pas contenir de caractère de forçage bidirectionnel ($1)"),
            s("must not contain an unpaired UTF-16 surrogate \\((.*)\\)", "ne doit pas contenir de demi-caractère UTF-16 isolé ($1)"),
            s("invalid UTF-8 at byte (\\d+).*", "UTF-8 invalide à l'octet $1"),
            s("longitudes must be between -180 and 180", "les longitudes doivent être comprises entre -180 et 180"),
            s("latitudes must be between -90 and 90", "les latitudes doivent être comprises entre -90 et 90"),
            s("is inverted: the order is (.*), minimum before maximum", "est inversée : l'ordre est $1, le minimum avant le maximum"),
            s("has no width or no height: (.*)", "n'a pas de largeur ou pas de hauteur : $1"),
            s("must be minLon,minLat,maxLon,maxLat in degrees(.*)", "doit être minLon,minLat,maxLon,maxLat en degrés$1"),
            s("is too large for zoom (\\d+): (.*)", "est trop grande pour le zoom $1 : $2"),
            s("is empty", "est vide"),
            s("the part \"(.*)\" is (\\d+) bytes, more than the (.*) allowed", "la partie « $1 » fait $2 octets, plus que les $3 permis"),
            s("no resource at (.*)", "aucune ressource à $1"),
            s("no API resource at (.*)", "aucune ressource de l'API à $1"),
            s("this method is not allowed on (.*)", "cette méthode n'est pas permise sur $1"),
            s("send the body as application/json \\(or application/geo\\+json for cameras\\)",
                    "envoyez le corps en application/json (ou application/geo+json pour les caméras)"),
            s("this resource answers in JSON only", "cette ressource ne répond qu'en JSON"),
            s("log in first, and send Authorization: Bearer <token>", "connectez-vous d'abord, et envoyez Authorization: Bearer <jeton>"),
            s("the token is unknown, expired or revoked: log in again", "le jeton est inconnu, expiré ou révoqué : reconnectez-vous"),
            s("your account's role does not allow this", "le rôle de votre compte ne le permet pas"),
            s("the server failed to answer; the failure is logged", "le serveur n'a pas pu répondre ; l'échec est journalisé"),
            s("another change to the same cameras ran at the same moment and nothing was written; try again",
                    "une autre modification des mêmes caméras a eu lieu au même moment et rien n'a été écrit ; réessayez"),
            s("at most (\\d+) (.*) per hour(.*): try again in (\\d+) s", "au plus $1 $2 par heure$3 : réessayez dans $4 s"),
            s("the body is (\\d+) bytes, more than the (.*) this address accepts",
                    "le corps fait $1 octets, plus que les $2 acceptés à cette adresse"),
            s("the body went past the (.*) this address accepts, and was cut there",
                    "le corps a dépassé les $1 acceptés à cette adresse, et a été coupé là"),
            s("send the body with a Content-Length header \\(a chunked body is not accepted here\\)",
                    "envoyez le corps avec un en-tête Content-Length (un corps par morceaux n'est pas accepté ici)"),
            s("the multipart body is malformed: (.*)", "le corps multipart est mal formé : $1"),
            s("too many parts: at most (\\d+)", "trop de parties : au plus $1"),
            s("too many requests of this kind at once: try again in (\\d+) s",
                    "trop de requêtes de ce type en même temps : réessayez dans $1 s"),
            s("the tile server's budget of (\\d+) fetches a minute is spent: try again in (\\d+) s",
                    "le budget de $1 demandes par minute au serveur de tuiles est épuisé : réessayez dans $2 s"),
            s("(.*); nothing was imported", "$1 ; rien n'a été importé"),
            // the boundary upload (POST /api/cities/boundaries)
            s("attach the boundary file as the multipart field \"file\"", "joignez le fichier des limites dans le champ multipart « file »"),
            s("a property name of (\\d+) characters at most", "un nom de propriété de $1 caractères au plus"),
            // sending to OpenStreetMap (the API's own reason, after a colon, stays as OpenStreetMap wrote it)
            s("the instance has no OpenStreetMap token \\(vigie.osm.api-token\\): download the file and upload it with JOSM",
                    "l'instance n'a pas de jeton OpenStreetMap (vigie.osm.api-token) : téléchargez le fichier et envoyez-le avec JOSM"),
            s("another moderator is uploading to OpenStreetMap: try again in a minute",
                    "un autre modérateur envoie vers OpenStreetMap : réessayez dans une minute"),
            s("no camera is ready for OpenStreetMap: none added, changed or deleted by volunteers who agreed to publish there",
                    "aucune caméra n'est prête pour OpenStreetMap : aucune ajoutée, modifiée ou supprimée par des bénévoles "
                            + "qui acceptent d'y publier"),
            s("camera (\\d+) is not held for review: nothing to release",
                    "la caméra $1 n'est pas retenue pour vérification : rien à renvoyer"),
            s("(.*); nothing was sent", "$1 ; rien n'a été envoyé"),
            s("(.*); the (\\d+) cameras of changeset (\\d+) are held for review",
                    "$1 ; les $2 caméras du groupe de modifications $3 sont retenues pour vérification"),
            s("nothing in (.*) was recognised as (.*)", "rien dans $1 n'a été reconnu comme $2"),
            s("attach the photo as the multipart field \"file\"", "joignez la photo dans le champ multipart « file »"),
            // floor plans (issue 16)
            s("attach the plan as the multipart field \"file\"", "joignez le plan dans le champ multipart « file »"),
            s("site (\\d+) has no floor of level (.*): its floors are (.*)", "le site $1 n'a pas d'étage de niveau $2 : ses étages sont $3"),
            s("floor (.*) of site (\\d+) has no plan", "l'étage $1 du site $2 n'a pas de plan"),
            s("must be four numbers: west, south, east, north \\(degrees\\)", "doit être quatre nombres : ouest, sud, est, nord (degrés)"),
            s("west must be less than east and south less than north", "l'ouest doit être inférieur à l'est et le sud au nord"),
            s("site (\\d+) was deleted; its history is still at (.*)", "le site $1 a été supprimé ; son historique reste à $2"),
            s("(\\d+) camera\\(s\\) are still on site (\\d+): move them to another site or delete them first",
                    "$1 caméra(s) sont encore sur le site $2 : déplacez-les vers un autre site ou supprimez-les d'abord"),
            s("only the volunteer who created this site, or a moderator, may delete it",
                    "seul le bénévole qui a créé ce site, ou un modérateur, peut le supprimer"),
            // register corrections (issue 17)
            s("no entry (\\d+) in this register of city (.*)", "aucune entrée $1 dans ce registre de la commune $2"),
            s("entry (\\d+) was deleted from the register; its trace stays for the moderators",
                    "l'entrée $1 a été supprimée du registre ; sa trace reste pour les modérateurs"),
            s("provided version (\\d+), server has version (\\d+): reload the dossier, apply your change again and resend it",
                    "version envoyée $1, le serveur a la version $2 : rechargez le dossier, refaites votre modification et renvoyez-la"),
            s("(\\d+) camera\\(s\\) name authorisation (\\d+): have them name another one \\(or none\\) first",
                    "$1 caméra(s) citent l'autorisation $2 : faites-leur d'abord citer une autre autorisation (ou aucune)"),
            s("send the entry as a JSON object", "envoyez l'entrée comme un objet JSON"),
            s("is after the answer came back \\((.*)\\)", "est postérieure à la réponse reçue ($1)"),
            s("authorisation (\\d+) was deleted from its city's register", "l'autorisation $1 a été supprimée du registre de sa commune"),
            // register changes and the add form's authorisations (issue 17)
            s("is required: lon,lat in degrees", "est requis : lon,lat en degrés"),
            s("send the answer as a JSON object", "envoyez la réponse comme un objet JSON"),
            s("a floor plan spans at most (.*) degrees each way", "un plan d'étage s'étend sur au plus $1 degré dans chaque sens"),
            s("attach the file to import as the multipart field \"file\"", "joignez le fichier à importer dans le champ multipart « file »"),
            s("must be at most (\\d+) MB", "doit faire au plus $1 Mo"),
            s("a GeoJSON Feature is required", "une Feature GeoJSON est requise"),
            s("must be a GeoJSON Feature object", "doit être un objet Feature GeoJSON"),
            s("is required: a GeoJSON Point", "est requis : un Point GeoJSON"),
            s("must be \"Feature\"", "doit valoir « Feature »"),
            s("unknown value \"(.*)\": (.*)", "valeur inconnue « $1 » : $2"),
            // issue 17: the search by the day a camera was first seen
            s("must be a day \\(yyyy-mm-dd\\), a month \\(yyyy-mm\\) or a year \\(yyyy\\), not \"(.*)\"",
                    "doit être un jour (aaaa-mm-jj), un mois (aaaa-mm) ou une année (aaaa), pas « $1 »"),
            s("must not be before firstSeenFrom \\((.*)\\)", "ne doit pas précéder firstSeenFrom ($1)"),
            s("is taken", "est déjà pris"),
            s("the id of the camera this one duplicates", "l'identifiant de la caméra dont celle-ci est un doublon"),
            s("a camera cannot be merged into itself", "une caméra ne peut pas être fusionnée avec elle-même"),
            s("camera (\\d+) is (\\d+) m away: a duplicate is merged only into a camera within (\\d+) m",
                    "la caméra $1 est à $2 m : un doublon n'est fusionné qu'avec une caméra à moins de $3 m"),
            s("the version to go back to", "la version à laquelle revenir"),
            s("the current password is wrong", "le mot de passe actuel est faux"),
            s("is not the password in use", "n'est pas le mot de passe en vigueur"),
            s("is required: the password in use", "est requis : le mot de passe en vigueur"),
            s("camera (\\d+) does not exist", "la caméra $1 n'existe pas"),
            s("camera (\\d+) was deleted", "la caméra $1 a été supprimée"),
            // issue 14: suspensions, deleting one's account, contributions
            s("this account is suspended until a moderator lifts the suspension: (.*)",
                    "ce compte est suspendu jusqu'à ce qu'un modérateur lève la suspension : $1"),
            s("this account is suspended until (\\S+): (.*)", "ce compte est suspendu jusqu'au $1 : $2"),
            s("the password is wrong: the account was not deleted", "le mot de passe est faux : le compte n'a pas été supprimé"),
            s("is not this account's password", "n'est pas le mot de passe de ce compte"),
            s("is required: the account's password", "est requis : le mot de passe du compte"),
            s("this is the instance's only admin account: make another account admin first",
                    "c'est le seul compte administrateur de l'instance : nommez d'abord un autre administrateur"),
            s("names starting with deleted- are kept for deleted accounts",
                    "les noms commençant par deleted- sont réservés aux comptes supprimés"),
            s("must be the next of the previous page", "doit être la valeur next de la page précédente"));

    /** Pieces inside a sentence, translated once the sentence is. */
    private static final List<Sentence> FRAGMENTS = List.of(
            s(" at line (\\d+), column (\\d+)", " à la ligne $1, colonne $2"),
            s("^(\\d+) problems, the first: ", "$1 problèmes, dont le premier : "),
            s(" for an account younger than (\\d+) h", " pour un compte de moins de $1 h"),
            s("OpenStreetMap's API answered (\\d+) when opening a changeset",
                    "l'API d'OpenStreetMap a répondu $1 à l'ouverture du groupe de modifications"),
            s("OpenStreetMap's API answered (\\d+) when uploading changeset (\\d+)",
                    "l'API d'OpenStreetMap a répondu $1 à l'envoi du groupe de modifications $2"),
            s("OpenStreetMap's API answered an unreadable diffResult", "l'API d'OpenStreetMap a donné une réponse illisible"),
            s("cannot reach OpenStreetMap's API at (\\S+)", "impossible de joindre l'API d'OpenStreetMap à $1"));

    private ProblemTranslations() {
    }

    private static Sentence s(String english, String french) {
        return new Sentence(Pattern.compile(english), french);
    }

    static Problem toFrench(Problem p) {
        List<FieldError> errors = p.errors() == null ? null
                : p.errors().stream().map(e -> new FieldError(e.field(), sentence(e.reason()))).toList();
        return new Problem(p.type(), TITLES.getOrDefault(p.title(), p.title()), p.status(), sentence(p.detail()),
                p.instance(), errors, p.extensions());
    }

    /** A detail may be "field: reason": the field stays, the reason is translated. */
    static String sentence(String english) {
        if (english == null) {
            return null;
        }
        String whole = translate(english);
        if (whole != null) {
            return whole;
        }
        int colon = english.indexOf(": ");
        if (colon > 0 && english.substring(0, colon).matches("[\\w.\\[\\]-]+")) {
            String reason = translate(english.substring(colon + 2));
            if (reason != null) {
                return english.substring(0, colon) + " : " + reason;
            }
        }
        return english;
    }

    private static String translate(String english) {
        for (Sentence sentence : SENTENCES) {
            Matcher m = sentence.english().matcher(english);
            if (m.matches()) {
                String french = m.replaceFirst(sentence.french());
                for (Sentence fragment : FRAGMENTS) {
                    french = fragment.english().matcher(french).replaceAll(fragment.french());
                }
                return french;
            }
        }
        return null;
    }
}
