//! Every string the agent (and the administrator) sees, in en-US, en-GB, da-DK, fr-CA, es-PR and de-DE (SPEC B7).
//!
//! One `match` row per [`Key`] with the six translations side by side, so a missing or
//! misplaced translation is visible in review; `{0}`, `{1}`… are filled by [`tf`]. Times and
//! region names come from the browser's `Intl` (no locale data in the wasm).

use wasm_bindgen::{JsCast, JsValue};

use crate::core::decimal::fixed;

/// A supported UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (United States).
    EnUs,
    /// English (United Kingdom).
    EnGb,
    /// Danish (Denmark).
    DaDk,
    /// French (Canada).
    FrCa,
    /// Spanish (Puerto Rico).
    EsPr,
    /// German (Germany).
    DeDe,
}

impl Lang {
    /// The language for a BCP 47 tag, if supported (`en-AU` reads as en-GB, `fr-FR` as fr-CA…).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let lang = tag.split('-').next().unwrap_or("");
        Some(match lang {
            "da" => Lang::DaDk,
            "fr" => Lang::FrCa,
            "es" => Lang::EsPr,
            "de" => Lang::DeDe,
            "en" => match tag.get(3..5) {
                Some("gb" | "ie" | "au" | "nz" | "za" | "in") => Lang::EnGb,
                _ => Lang::EnUs,
            },
            _ => return None,
        })
    }

    /// `config.locale`, else the browser's languages, else en-US.
    pub fn resolve(configured: Option<&str>) -> Lang {
        if let Some(lang) = configured.and_then(Lang::from_tag) {
            return lang;
        }
        let languages = web_sys::window().map(|w| w.navigator().languages());
        languages
            .iter()
            .flat_map(|langs| langs.iter())
            .filter_map(|v| v.as_string())
            .find_map(|t| Lang::from_tag(&t))
            .unwrap_or(Lang::EnUs)
    }

    /// The BCP 47 tag (for `lang=` and `Intl`).
    pub fn tag(self) -> &'static str {
        ["en-US", "en-GB", "da-DK", "fr-CA", "es-PR", "de-DE"][self as usize]
    }

    /// Decimal separator for coordinates.
    fn decimal(self) -> char {
        match self {
            Lang::DaDk | Lang::FrCa | Lang::DeDe => ',',
            _ => '.',
        }
    }
}

/// A translatable string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Key {
    Phone,
    Number,
    Call,
    DeleteDigit,
    Keypad,
    Calling,
    Ringing,
    Connecting,
    Connected,
    OnHold,
    CallEnded,
    AnnounceCalling,
    CurrentCall,
    CallDuration,
    IncomingCall,
    IncomingFrom,
    Answer,
    Decline,
    Mute,
    Hold,
    Resume,
    EndCall,
    HeldCall,
    EmergencyInProgress,
    EmergencyOtherTab,
    EmergencyCallback,
    EmergencyStay,
    EmergencyNumber,
    LocationSent,
    LocationUnknown,
    OutsideRegion,
    NoLocation,
    CallbackNumber,
    CallbackValid,
    CallbackWindow,
    Contacts,
    NotifSending,
    NotifSent,
    NotifFailed,
    NotifSkipped,
    Dismiss,
    ErrEmpty,
    ErrTooLong,
    ErrNoDigits,
    ErrChar,
    ErrPlus,
    ErrPause,
    ErrExtension,
    EndCurrentFirst,
    Unsupported,
    UnsupportedNoNumber,
    EmergencyFailed,
    EmergencyDropped,
    EmergencyDroppedNoNumber,
    CallFailed,
    PresenceNotRestored,
    ProblemPresenceSet,
    ProblemPresenceGet,
    ProblemEmail,
    ProblemStorage,
    ProblemLocation,
    ProblemOther,
    Ready,
    OneIssue,
    Issues,
    ReadinessTitle,
    CheckOk,
    CheckFail,
    LocationOk,
    LocationFix,
    RegionOk,
    RegionFix,
    ProfileOk,
    ProfileFix,
    MailboxOk,
    MailboxFix,
    RoutingOk,
    RoutingFix,
    ContactsOk,
    ContactsFix,
    Settings,
    SettingsTitle,
    Recipients,
    RecipientsHelp,
    RecipientBad,
    Subject,
    Body,
    Placeholders,
    Preview,
    Save,
    Saved,
    UnknownPlaceholder,
    UnknownPlaceholderHint,
    RecipientInvalid,
    SettingsFor,
    Discard,
    Saving,
    Unsaved,
    SaveFailed,
    SaveTimedOut,
    SaveInvalid,
    SaveUnchanged,
    DraftRestored,
    DraftStale,
    DraftNotKept,
    NoRecipients,
    PreviewTo,
    Nobody,
    TplAtSubject,
    TplAtBody,
    TplEmpty,
    TplUnclosed,
    ContactsReadOnly,
    ContactsNone,
    AudioDevices,
    Microphone,
    Speaker,
    SystemDefault,
    DevicesHint,
}

/// The string for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    let row: [&'static str; 6] = match key {
        // [en-US, en-GB, da-DK, fr-CA, es-PR, de-DE]
        Phone => ["Phone", "Phone", "Telefon", "Téléphone", "Teléfono", "Telefon"],
        Number => ["Number", "Number", "Nummer", "Numéro", "Número", "Nummer"],
        Call => ["Call", "Call", "Ring op", "Appeler", "Llamar", "Anrufen"],
        DeleteDigit => ["Delete last digit", "Delete last digit", "Slet sidste ciffer", "Effacer le dernier chiffre", "Borrar el último dígito", "Letzte Ziffer löschen"],
        Keypad => ["Keypad", "Keypad", "Tastatur", "Clavier", "Teclado", "Tastenfeld"],
        Calling => ["Calling…", "Calling…", "Ringer op…", "Appel en cours…", "Llamando…", "Wählt…"],
        Ringing => ["Ringing…", "Ringing…", "Ringer…", "Sonnerie…", "Timbrando…", "Klingelt…"],
        Connecting => ["Connecting…", "Connecting…", "Forbinder…", "Connexion…", "Conectando…", "Verbindet…"],
        Connected => ["Connected", "Connected", "Forbundet", "Connecté", "Conectado", "Verbunden"],
        OnHold => ["On hold", "On hold", "Parkeret", "En attente", "En espera", "Gehalten"],
        CallEnded => ["Call ended", "Call ended", "Opkaldet er afsluttet", "Appel terminé", "Llamada finalizada", "Anruf beendet"],
        AnnounceCalling => ["Calling {0}", "Calling {0}", "Ringer op til {0}", "Appel vers {0}", "Llamando a {0}", "Anruf an {0}"],
        CurrentCall => ["Current call", "Current call", "Aktuelt opkald", "Appel en cours", "Llamada actual", "Aktueller Anruf"],
        CallDuration => ["Call duration", "Call duration", "Samtaletid", "Durée de l'appel", "Duración de la llamada", "Gesprächsdauer"],
        IncomingCall => ["Incoming call", "Incoming call", "Indgående opkald", "Appel entrant", "Llamada entrante", "Eingehender Anruf"],
        IncomingFrom => ["Incoming call from {0}", "Incoming call from {0}", "Indgående opkald fra {0}", "Appel entrant de {0}", "Llamada entrante de {0}", "Eingehender Anruf von {0}"],
        Answer => ["Answer", "Answer", "Besvar", "Répondre", "Contestar", "Annehmen"],
        Decline => ["Decline", "Decline", "Afvis", "Refuser", "Rechazar", "Ablehnen"],
        Mute => ["Mute", "Mute", "Lydløs", "Sourdine", "Silenciar", "Stumm"],
        Hold => ["Hold", "Hold", "Parkér", "Attente", "En espera", "Halten"],
        Resume => ["Resume", "Resume", "Genoptag", "Reprendre", "Reanudar", "Fortsetzen"],
        EndCall => ["End call", "End call", "Afslut opkald", "Raccrocher", "Colgar", "Auflegen"],
        HeldCall => ["On hold: {0}", "On hold: {0}", "Parkeret: {0}", "En attente : {0}", "En espera: {0}", "Gehalten: {0}"],
        EmergencyInProgress => ["Emergency call in progress", "Emergency call in progress", "Nødopkald i gang", "Appel d'urgence en cours", "Llamada de emergencia en curso", "Notruf läuft"],
        EmergencyOtherTab => ["Emergency call in progress in another tab ({0})", "Emergency call in progress in another tab ({0})", "Nødopkald i gang i en anden fane ({0})", "Appel d'urgence en cours dans un autre onglet ({0})", "Llamada de emergencia en curso en otra pestaña ({0})", "Notruf läuft in einem anderen Tab ({0})"],
        EmergencyCallback => ["The emergency service is calling back", "The emergency service is calling back", "Alarmcentralen ringer tilbage", "Les services d'urgence vous rappellent", "El servicio de emergencias le devuelve la llamada", "Die Notrufzentrale ruft zurück"],
        EmergencyStay => ["Stay on the line and follow the dispatcher's instructions.", "Stay on the line and follow the call handler's instructions.", "Bliv i røret, og følg alarmoperatørens anvisninger.", "Restez en ligne et suivez les instructions du répartiteur.", "Permanezca en la línea y siga las instrucciones del operador.", "Bleiben Sie in der Leitung und folgen Sie den Anweisungen der Leitstelle."],
        EmergencyNumber => ["Number", "Number", "Nummer", "Numéro", "Número", "Nummer"],
        LocationSent => ["Location sent", "Location sent", "Sendt placering", "Position transmise", "Ubicación enviada", "Übermittelter Standort"],
        LocationUnknown => ["Location unknown — tell the dispatcher where you are.", "Location unknown — tell the call handler where you are.", "Placering ukendt — fortæl alarmoperatøren, hvor du er.", "Position inconnue — dites au répartiteur où vous êtes.", "Ubicación desconocida: dígale al operador dónde se encuentra.", "Standort unbekannt — sagen Sie der Leitstelle, wo Sie sind."],
        OutsideRegion => ["You are in {0}, where this dialer does not support emergency calls — tell the dispatcher where you are.", "You are in {0}, where this dialer does not support emergency calls — tell the call handler where you are.", "Du er i {0}, hvor nødopkald ikke understøttes — fortæl alarmoperatøren, hvor du er.", "Vous êtes ici : {0}. Les appels d'urgence n'y sont pas pris en charge — dites au répartiteur où vous êtes.", "Está en {0}, donde no se admiten llamadas de emergencia: dígale al operador dónde se encuentra.", "Sie sind in {0}, wo Notrufe nicht unterstützt werden — sagen Sie der Leitstelle, wo Sie sind."],
        NoLocation => ["No position known", "No position known", "Ingen kendt position", "Aucune position connue", "Ninguna posición conocida", "Keine Position bekannt"],
        CallbackNumber => ["Callback number", "Callback number", "Tilbagekaldsnummer", "Numéro de rappel", "Número de devolución de llamada", "Rückrufnummer"],
        CallbackValid => ["Valid for {0} (until {1})", "Valid for {0} (until {1})", "Gyldigt i {0} (indtil {1})", "Valide encore {0} (jusqu'à {1})", "Válido por {0} (hasta las {1})", "Gültig noch {0} (bis {1})"],
        CallbackWindow => ["Keep this line free: the emergency service may call back on {0}.", "Keep this line free: the emergency service may call back on {0}.", "Hold linjen fri: alarmcentralen kan ringe tilbage på {0}.", "Gardez la ligne libre : les services d'urgence peuvent rappeler au {0}.", "Mantenga la línea libre: el servicio de emergencias puede devolver la llamada al {0}.", "Halten Sie die Leitung frei: Die Notrufzentrale kann unter {0} zurückrufen."],
        Contacts => ["Emergency contacts", "Emergency contacts", "Nødkontakter", "Contacts d'urgence", "Contactos de emergencia", "Notfallkontakte"],
        NotifSending => ["Sending email…", "Sending email…", "Sender e-mail…", "Envoi du courriel…", "Enviando correo…", "E-Mail wird gesendet…"],
        NotifSent => ["Email sent", "Email sent", "E-mail sendt", "Courriel envoyé", "Correo enviado", "E-Mail gesendet"],
        NotifFailed => ["Email could not be sent", "Email could not be sent", "E-mailen kunne ikke sendes", "Le courriel n'a pas pu être envoyé", "No se pudo enviar el correo", "E-Mail konnte nicht gesendet werden"],
        NotifSkipped => ["None configured", "None configured", "Ingen konfigureret", "Aucun configuré", "Ninguno configurado", "Keine eingerichtet"],
        Dismiss => ["Dismiss", "Dismiss", "Luk", "Fermer", "Descartar", "Schließen"],
        ErrEmpty => ["Enter a number to dial.", "Enter a number to dial.", "Indtast et nummer.", "Entrez un numéro à composer.", "Escriba un número para llamar.", "Geben Sie eine Nummer ein."],
        ErrTooLong => ["A number has at most {0} characters.", "A number has at most {0} characters.", "Et nummer har højst {0} tegn.", "Un numéro compte au plus {0} caractères.", "Un número tiene como máximo {0} caracteres.", "Eine Nummer hat höchstens {0} Zeichen."],
        ErrNoDigits => ["The number has no digits.", "The number has no digits.", "Nummeret indeholder ingen cifre.", "Le numéro ne contient aucun chiffre.", "El número no tiene dígitos.", "Die Nummer enthält keine Ziffern."],
        ErrChar => ["“{0}” (character {1}) is not part of a phone number.", "“{0}” (character {1}) is not part of a phone number.", "“{0}” (tegn {1}) hører ikke til et telefonnummer.", "« {0} » (caractère {1}) ne fait pas partie d'un numéro.", "“{0}” (carácter {1}) no forma parte de un número.", "„{0}“ (Zeichen {1}) gehört nicht zu einer Telefonnummer."],
        ErrPlus => ["“+” (character {0}) can only come first.", "“+” (character {0}) can only come first.", "“+” (tegn {0}) må kun stå først.", "« + » (caractère {0}) ne peut venir qu'en premier.", "“+” (carácter {0}) solo puede ir al principio.", "„+“ (Zeichen {0}) darf nur am Anfang stehen."],
        ErrPause => ["The pause “{0}” (character {1}) must come after the number.", "The pause “{0}” (character {1}) must come after the number.", "Pausen “{0}” (tegn {1}) skal stå efter nummeret.", "La pause « {0} » (caractère {1}) doit venir après le numéro.", "La pausa “{0}” (carácter {1}) debe ir después del número.", "Die Pause „{0}“ (Zeichen {1}) muss nach der Nummer stehen."],
        ErrExtension => ["The extension (character {0}) can't be dialed as letters: type a pause (“,” or “p”) before the extension digits.", "The extension (character {0}) can't be dialled as letters: type a pause (“,” or “p”) before the extension digits.", "Lokalnummeret (tegn {0}) kan ikke ringes op som bogstaver: skriv en pause (“,” eller “p”) før lokalnummerets cifre.", "Le poste (caractère {0}) ne peut pas être composé en lettres : tapez une pause (« , » ou « p ») avant les chiffres du poste.", "La extensión (carácter {0}) no se puede marcar con letras: escriba una pausa (“,” o “p”) antes de los dígitos de la extensión.", "Die Durchwahl (Zeichen {0}) kann nicht als Buchstaben gewählt werden: Geben Sie vor den Ziffern der Durchwahl eine Pause („,“ oder „p“) ein."],
        EndCurrentFirst => ["End the current call first.", "End the current call first.", "Afslut det aktuelle opkald først.", "Terminez d'abord l'appel en cours.", "Primero finalice la llamada actual.", "Beenden Sie zuerst den aktuellen Anruf."],
        Unsupported => ["Emergency calls can't be placed from this dialer in {0}. Use another phone and dial {1}.", "Emergency calls can't be placed from this dialer in {0}. Use another phone and dial {1}.", "Nødopkald kan ikke foretages fra denne telefon i {0}. Brug en anden telefon, og ring {1}.", "Ce composeur ne peut pas faire d'appels d'urgence ici ({0}). Utilisez un autre téléphone et composez le {1}.", "No se pueden hacer llamadas de emergencia desde este marcador en {0}. Use otro teléfono y marque {1}.", "Notrufe sind mit diesem Telefon in {0} nicht möglich. Nutzen Sie ein anderes Telefon und wählen Sie {1}."],
        UnsupportedNoNumber => ["Emergency calls can't be placed from this dialer in {0}. Use another phone and dial the local emergency number.", "Emergency calls can't be placed from this dialer in {0}. Use another phone and dial the local emergency number.", "Nødopkald kan ikke foretages fra denne telefon i {0}. Brug en anden telefon, og ring til det lokale alarmnummer.", "Ce composeur ne peut pas faire d'appels d'urgence ici ({0}). Utilisez un autre téléphone et composez le numéro d'urgence local.", "No se pueden hacer llamadas de emergencia desde este marcador en {0}. Use otro teléfono y marque el número de emergencias local.", "Notrufe sind mit diesem Telefon in {0} nicht möglich. Nutzen Sie ein anderes Telefon und wählen Sie die örtliche Notrufnummer."],
        EmergencyFailed => ["The emergency call could not be placed. Use another phone now.", "The emergency call could not be placed. Use another phone now.", "Nødopkaldet kunne ikke foretages. Brug en anden telefon nu.", "L'appel d'urgence n'a pas pu être fait. Utilisez un autre téléphone maintenant.", "No se pudo hacer la llamada de emergencia. Use otro teléfono ahora.", "Der Notruf konnte nicht aufgebaut werden. Nutzen Sie sofort ein anderes Telefon."],
        EmergencyDropped => ["The emergency call was disconnected. Stay available: the emergency service can call you back on {0}.", "The emergency call was disconnected. Stay available: the emergency service can call you back on {0}.", "Nødopkaldet blev afbrudt. Vær tilgængelig: alarmcentralen kan ringe dig op på {0}.", "L'appel d'urgence a été coupé. Restez disponible : les services d'urgence peuvent vous rappeler au {0}.", "La llamada de emergencia se cortó. Manténgase disponible: el servicio de emergencias puede llamarle al {0}.", "Der Notruf wurde unterbrochen. Bleiben Sie erreichbar: Die Notrufzentrale kann Sie unter {0} zurückrufen."],
        EmergencyDroppedNoNumber => ["The emergency call was disconnected. Stay available for the emergency service's callback.", "The emergency call was disconnected. Stay available for the emergency service's callback.", "Nødopkaldet blev afbrudt. Vær tilgængelig, så alarmcentralen kan ringe tilbage.", "L'appel d'urgence a été coupé. Restez disponible pour le rappel des services d'urgence.", "La llamada de emergencia se cortó. Manténgase disponible para la devolución de llamada.", "Der Notruf wurde unterbrochen. Bleiben Sie für den Rückruf der Notrufzentrale erreichbar."],
        CallFailed => ["The call failed: {0}", "The call failed: {0}", "Opkaldet mislykkedes: {0}", "L'appel a échoué : {0}", "La llamada falló: {0}", "Der Anruf ist fehlgeschlagen: {0}"],
        PresenceNotRestored => ["Your status before the emergency call is not known. Set your presence again.", "Your status before the emergency call is not known. Set your presence again.", "Din status før nødopkaldet kendes ikke. Angiv din status igen.", "Votre statut avant l'appel d'urgence est inconnu. Redéfinissez votre présence.", "No se conoce su estado anterior a la llamada de emergencia. Vuelva a establecer su presencia.", "Ihr Status vor dem Notruf ist unbekannt. Setzen Sie Ihren Präsenzstatus erneut."],
        ProblemPresenceSet => ["Presence could not be set.", "Presence could not be set.", "Status kunne ikke angives.", "La présence n'a pas pu être définie.", "No se pudo establecer la presencia.", "Präsenzstatus konnte nicht gesetzt werden."],
        ProblemPresenceGet => ["Presence could not be read.", "Presence could not be read.", "Status kunne ikke læses.", "La présence n'a pas pu être lue.", "No se pudo leer la presencia.", "Präsenzstatus konnte nicht gelesen werden."],
        ProblemEmail => ["The emergency email could not be sent.", "The emergency email could not be sent.", "Nød-e-mailen kunne ikke sendes.", "Le courriel d'urgence n'a pas pu être envoyé.", "No se pudo enviar el correo de emergencia.", "Die Notfall-E-Mail konnte nicht gesendet werden."],
        ProblemStorage => ["The browser could not save the emergency state.", "The browser could not save the emergency state.", "Browseren kunne ikke gemme nødtilstanden.", "Le navigateur n'a pas pu enregistrer l'état d'urgence.", "El navegador no pudo guardar el estado de emergencia.", "Der Browser konnte den Notfallstatus nicht speichern."],
        ProblemLocation => ["The browser location could not be read.", "The browser location could not be read.", "Browserens placering kunne ikke læses.", "La position du navigateur n'a pas pu être lue.", "No se pudo leer la ubicación del navegador.", "Der Browser-Standort konnte nicht gelesen werden."],
        ProblemOther => ["The workspace could not complete {0}.", "The workspace could not complete {0}.", "Arbejdsområdet kunne ikke udføre {0}.", "L'espace de travail n'a pas pu exécuter {0}.", "El espacio de trabajo no pudo completar {0}.", "Der Arbeitsbereich konnte {0} nicht ausführen."],
        Ready => ["Emergency calling ready", "Emergency calling ready", "Nødopkald klar", "Appels d'urgence prêts", "Llamadas de emergencia listas", "Notruf bereit"],
        OneIssue => ["1 issue", "1 issue", "1 problem", "1 problème", "1 problema", "1 Problem"],
        Issues => ["{0} issues", "{0} issues", "{0} problemer", "{0} problèmes", "{0} problemas", "{0} Probleme"],
        ReadinessTitle => ["Emergency calling", "Emergency calling", "Nødopkald", "Appels d'urgence", "Llamadas de emergencia", "Notruf"],
        CheckOk => ["OK", "OK", "OK", "OK", "OK", "OK"],
        CheckFail => ["Action needed", "Action needed", "Kræver handling", "Action requise", "Acción necesaria", "Handlung nötig"],
        LocationOk => ["Browser location is on.", "Browser location is on.", "Browserplacering er slået til.", "La localisation du navigateur est activée.", "La ubicación del navegador está activada.", "Browser-Standort ist aktiviert."],
        LocationFix => ["Browser location is off: allow location for this site in the browser's settings.", "Browser location is off: allow location for this site in the browser's settings.", "Browserplacering er slået fra: tillad placering for dette websted i browserens indstillinger.", "La localisation est désactivée : autorisez-la pour ce site dans les paramètres du navigateur.", "La ubicación está desactivada: permítala para este sitio en la configuración del navegador.", "Standort ist deaktiviert: Erlauben Sie ihn für diese Seite in den Browsereinstellungen."],
        RegionOk => ["Your location is in a supported region.", "Your location is in a supported region.", "Din placering er i en understøttet region.", "Votre position est dans une région prise en charge.", "Su ubicación está en una región admitida.", "Ihr Standort liegt in einer unterstützten Region."],
        RegionFix => ["Your location is not in a supported region (or not known yet): use another phone for emergency calls.", "Your location is not in a supported region (or not known yet): use another phone for emergency calls.", "Din placering er ikke i en understøttet region (eller endnu ukendt): brug en anden telefon til nødopkald.", "Votre position n'est pas dans une région prise en charge (ou est inconnue) : utilisez un autre téléphone pour les urgences.", "Su ubicación no está en una región admitida (o aún no se conoce): use otro teléfono para emergencias.", "Ihr Standort liegt nicht in einer unterstützten Region (oder ist unbekannt): Nutzen Sie für Notrufe ein anderes Telefon."],
        ProfileOk => ["Your profile allows outbound calls.", "Your profile allows outbound calls.", "Din profil tillader udgående opkald.", "Votre profil permet les appels sortants.", "Su perfil permite llamadas salientes.", "Ihr Profil erlaubt ausgehende Anrufe."],
        ProfileFix => ["Ask your administrator to map your capacity profile to a voice outbound profile.", "Ask your administrator to map your capacity profile to a voice outbound profile.", "Bed din administrator om at knytte din kapacitetsprofil til en udgående taleprofil.", "Demandez à votre administrateur d'associer votre profil de capacité à un profil vocal sortant.", "Pida a su administrador que asocie su perfil de capacidad a un perfil de voz saliente.", "Bitten Sie Ihren Administrator, Ihr Kapazitätsprofil einem ausgehenden Sprachprofil zuzuordnen."],
        MailboxOk => ["Your mailbox can send the notification.", "Your mailbox can send the notification.", "Din postkasse kan sende meddelelsen.", "Votre boîte aux lettres peut envoyer l'avis.", "Su buzón puede enviar la notificación.", "Ihr Postfach kann die Benachrichtigung senden."],
        MailboxFix => ["Ask your administrator to enable your mailbox for emergency notifications.", "Ask your administrator to enable your mailbox for emergency notifications.", "Bed din administrator om at aktivere din postkasse til nødmeddelelser.", "Demandez à votre administrateur d'activer votre boîte aux lettres pour les avis d'urgence.", "Pida a su administrador que habilite su buzón para notificaciones de emergencia.", "Bitten Sie Ihren Administrator, Ihr Postfach für Notfallbenachrichtigungen zu aktivieren."],
        RoutingOk => ["Emergency calls can be routed.", "Emergency calls can be routed.", "Nødopkald kan omstilles.", "Les appels d'urgence peuvent être acheminés.", "Las llamadas de emergencia se pueden enrutar.", "Notrufe können geroutet werden."],
        RoutingFix => ["No route for emergency calls: ask your administrator for a calling-plan number or a carrier emergency rule.", "No route for emergency calls: ask your administrator for a calling-plan number or a carrier emergency rule.", "Ingen rute til nødopkald: bed din administrator om et calling-plan-nummer eller en nødregel hos operatøren.", "Aucun acheminement d'urgence : demandez un numéro de forfait d'appels ou une règle d'urgence chez l'opérateur.", "No hay ruta para emergencias: pida un número de plan de llamadas o una regla de emergencia del operador.", "Keine Route für Notrufe: Bitten Sie um eine Calling-Plan-Nummer oder eine Notrufregel beim Anbieter."],
        ContactsOk => ["Emergency contacts are valid.", "Emergency contacts are valid.", "Nødkontakterne er gyldige.", "Les contacts d'urgence sont valides.", "Los contactos de emergencia son válidos.", "Notfallkontakte sind gültig."],
        ContactsFix => ["Emergency contacts are missing or not valid email addresses: ask your administrator to set them.", "Emergency contacts are missing or not valid email addresses: ask your administrator to set them.", "Nødkontakter mangler eller er ikke gyldige e-mailadresser: bed din administrator om at angive dem.", "Les contacts d'urgence manquent ou ne sont pas des adresses valides : demandez à votre administrateur de les définir.", "Faltan contactos de emergencia o no son direcciones válidas: pida a su administrador que los configure.", "Notfallkontakte fehlen oder sind keine gültigen Adressen: Bitten Sie Ihre Administration, sie festzulegen."],
        Settings => ["Settings", "Settings", "Indstillinger", "Paramètres", "Configuración", "Einstellungen"],
        SettingsTitle => ["Emergency notification", "Emergency notification", "Nødmeddelelse", "Avis d'urgence", "Notificación de emergencia", "Notfallbenachrichtigung"],
        Recipients => ["Emergency contacts (email)", "Emergency contacts (email)", "Nødkontakter (e-mail)", "Contacts d'urgence (courriel)", "Contactos de emergencia (correo)", "Notfallkontakte (E-Mail)"],
        RecipientsHelp => ["Separate addresses with semicolons.", "Separate addresses with semicolons.", "Adskil adresser med semikolon.", "Séparez les adresses par des points-virgules.", "Separe las direcciones con punto y coma.", "Adressen durch Semikolon trennen."],
        RecipientBad => ["Entry {0} (“{1}”) is not an email address.", "Entry {0} (“{1}”) is not an email address.", "Post {0} (“{1}”) er ikke en e-mailadresse.", "L'entrée {0} (« {1} ») n'est pas une adresse courriel.", "La entrada {0} (“{1}”) no es una dirección de correo.", "Eintrag {0} („{1}“) ist keine E-Mail-Adresse."],
        Subject => ["Subject", "Subject", "Emne", "Objet", "Asunto", "Betreff"],
        Body => ["Message", "Message", "Besked", "Message", "Mensaje", "Nachricht"],
        Placeholders => ["Placeholders", "Placeholders", "Pladsholdere", "Variables", "Marcadores", "Platzhalter"],
        Preview => ["Preview (sample values)", "Preview (sample values)", "Eksempel (prøveværdier)", "Aperçu (valeurs d'exemple)", "Vista previa (valores de ejemplo)", "Vorschau (Beispielwerte)"],
        Save => ["Save", "Save", "Gem", "Enregistrer", "Guardar", "Speichern"],
        Saved => ["Saved.", "Saved.", "Gemt.", "Enregistré.", "Guardado.", "Gespeichert."],
        UnknownPlaceholder => ["Unknown placeholder {0}.", "Unknown placeholder {0}.", "Ukendt pladsholder {0}.", "Variable inconnue {0}.", "Marcador desconocido {0}.", "Unbekannter Platzhalter {0}."],
        UnknownPlaceholderHint => ["Unknown placeholder {0}. Did you mean {1}?", "Unknown placeholder {0}. Did you mean {1}?", "Ukendt pladsholder {0}. Mente du {1}?", "Variable inconnue {0}. Vouliez-vous dire {1} ?", "Marcador desconocido {0}. ¿Quiso decir {1}?", "Unbekannter Platzhalter {0}. Meinten Sie {1}?"],
        RecipientInvalid => ["Entry {0} (“{1}”) is not a valid email address.", "Entry {0} (“{1}”) is not a valid email address.", "Post {0} (“{1}”) er ikke en gyldig e-mailadresse.", "L'entrée {0} (« {1} ») n'est pas une adresse courriel valide.", "La entrada {0} (“{1}”) no es una dirección de correo válida.", "Eintrag {0} („{1}“) ist keine gültige E-Mail-Adresse."],
        SettingsFor => ["Emergency settings: {0}", "Emergency settings: {0}", "Nødindstillinger: {0}", "Paramètres d'urgence : {0}", "Configuración de emergencia: {0}", "Notfalleinstellungen: {0}"],
        Discard => ["Discard changes", "Discard changes", "Kassér ændringer", "Annuler les modifications", "Descartar cambios", "Änderungen verwerfen"],
        Saving => ["Saving…", "Saving…", "Gemmer…", "Enregistrement…", "Guardando…", "Wird gespeichert…"],
        Unsaved => ["Unsaved changes", "Unsaved changes", "Ikke-gemte ændringer", "Modifications non enregistrées", "Cambios sin guardar", "Nicht gespeicherte Änderungen"],
        SaveFailed => ["Not saved: {0}. Your changes are kept here; try again.", "Not saved: {0}. Your changes are kept here; try again.", "Ikke gemt: {0}. Dine ændringer er bevaret her; prøv igen.", "Non enregistré : {0}. Vos modifications sont conservées ici; réessayez.", "No se guardó: {0}. Sus cambios se conservan aquí; inténtelo de nuevo.", "Nicht gespeichert: {0}. Ihre Änderungen bleiben hier erhalten; versuchen Sie es erneut."],
        SaveTimedOut => ["Not saved: the workspace did not answer within {0} seconds. Your changes are kept here; try again.", "Not saved: the workspace did not answer within {0} seconds. Your changes are kept here; try again.", "Ikke gemt: arbejdsområdet svarede ikke inden for {0} sekunder. Dine ændringer er bevaret her; prøv igen.", "Non enregistré : l'espace de travail n'a pas répondu en {0} secondes. Vos modifications sont conservées ici; réessayez.", "No se guardó: el espacio de trabajo no respondió en {0} segundos. Sus cambios se conservan aquí; inténtelo de nuevo.", "Nicht gespeichert: Der Arbeitsbereich hat nicht innerhalb von {0} Sekunden geantwortet. Ihre Änderungen bleiben hier erhalten; versuchen Sie es erneut."],
        SaveInvalid => ["Not saved: correct the marked fields first.", "Not saved: correct the marked fields first.", "Ikke gemt: ret først de markerede felter.", "Non enregistré : corrigez d'abord les champs signalés.", "No se guardó: corrija primero los campos marcados.", "Nicht gespeichert: Korrigieren Sie zuerst die markierten Felder."],
        SaveUnchanged => ["No changes to save.", "No changes to save.", "Ingen ændringer at gemme.", "Aucune modification à enregistrer.", "No hay cambios que guardar.", "Keine Änderungen zu speichern."],
        DraftRestored => ["Unsaved changes from your last visit were restored: save or discard them.", "Unsaved changes from your last visit were restored: save or discard them.", "Ikke-gemte ændringer fra dit sidste besøg er gendannet: gem eller kassér dem.", "Les modifications non enregistrées de votre dernière visite ont été restaurées : enregistrez-les ou annulez-les.", "Se restauraron los cambios sin guardar de su última visita: guárdelos o descártelos.", "Nicht gespeicherte Änderungen Ihres letzten Besuchs wurden wiederhergestellt: Speichern oder verwerfen Sie sie."],
        DraftStale => ["The saved settings have changed since these edits were made: check them before saving.", "The saved settings have changed since these edits were made: check them before saving.", "De gemte indstillinger er ændret, siden disse ændringer blev foretaget: kontrollér dem, før du gemmer.", "Les paramètres enregistrés ont changé depuis ces modifications : vérifiez-les avant d'enregistrer.", "La configuración guardada cambió desde que se hicieron estos cambios: revísela antes de guardar.", "Die gespeicherten Einstellungen haben sich seit diesen Änderungen geändert: Prüfen Sie sie vor dem Speichern."],
        DraftNotKept => ["This browser cannot keep a copy of unsaved changes ({0}): save them before leaving.", "This browser cannot keep a copy of unsaved changes ({0}): save them before leaving.", "Browseren kan ikke gemme en kopi af ikke-gemte ændringer ({0}): gem dem, før du går.", "Ce navigateur ne peut pas garder une copie des modifications non enregistrées ({0}) : enregistrez-les avant de partir.", "Este navegador no puede guardar una copia de los cambios sin guardar ({0}): guárdelos antes de salir.", "Dieser Browser kann keine Kopie nicht gespeicherter Änderungen behalten ({0}): Speichern Sie sie, bevor Sie die Seite verlassen."],
        NoRecipients => ["Nobody will be emailed when this agent makes an emergency call.", "Nobody will be emailed when this agent makes an emergency call.", "Ingen får en e-mail, når denne medarbejder foretager et nødopkald.", "Personne ne recevra de courriel si cet agent fait un appel d'urgence.", "Nadie recibirá un correo cuando este agente haga una llamada de emergencia.", "Niemand erhält eine E-Mail, wenn dieser Agent einen Notruf absetzt."],
        PreviewTo => ["To: {0}", "To: {0}", "Til: {0}", "À : {0}", "Para: {0}", "An: {0}"],
        Nobody => ["nobody", "nobody", "ingen", "personne", "nadie", "niemand"],
        TplAtSubject => ["Subject, character {0}", "Subject, character {0}", "Emne, tegn {0}", "Objet, caractère {0}", "Asunto, carácter {0}", "Betreff, Zeichen {0}"],
        TplAtBody => ["Message, line {0}, character {1}", "Message, line {0}, character {1}", "Besked, linje {0}, tegn {1}", "Message, ligne {0}, caractère {1}", "Mensaje, línea {0}, carácter {1}", "Nachricht, Zeile {0}, Zeichen {1}"],
        TplEmpty => ["empty placeholder {}: put a placeholder name between the braces, or write {{}} for literal braces.", "empty placeholder {}: put a placeholder name between the braces, or write {{}} for literal braces.", "tom pladsholder {}: skriv et pladsholdernavn mellem klammerne, eller skriv {{}} for klammer som tekst.", "variable vide {} : mettez un nom de variable entre les accolades, ou écrivez {{}} pour des accolades littérales.", "marcador vacío {}: escriba un nombre de marcador entre las llaves, o {{}} para llaves literales.", "leerer Platzhalter {}: Schreiben Sie einen Platzhalternamen zwischen die Klammern oder {{}} für wörtliche Klammern."],
        TplUnclosed => ["“{” is not closed by “}” on the same line; write {{ for a literal brace.", "“{” is not closed by “}” on the same line; write {{ for a literal brace.", "“{” lukkes ikke af “}” på samme linje; skriv {{ for en klamme som tekst.", "« { » n'est pas fermée par « } » sur la même ligne; écrivez {{ pour une accolade littérale.", "“{” no se cierra con “}” en la misma línea; escriba {{ para una llave literal.", "„{“ wird in derselben Zeile nicht durch „}“ geschlossen; schreiben Sie {{ für eine wörtliche Klammer."],
        ContactsReadOnly => ["Emailed about your emergency calls: {0}", "Emailed about your emergency calls: {0}", "Får e-mail om dine nødopkald: {0}", "Avisés par courriel de vos appels d'urgence : {0}", "Reciben un correo sobre sus llamadas de emergencia: {0}", "Per E-Mail über Ihre Notrufe informiert: {0}"],
        ContactsNone => ["Nobody is emailed about your emergency calls.", "Nobody is emailed about your emergency calls.", "Ingen får e-mail om dine nødopkald.", "Personne n'est avisé par courriel de vos appels d'urgence.", "Nadie recibe un correo sobre sus llamadas de emergencia.", "Niemand wird per E-Mail über Ihre Notrufe informiert."],
        AudioDevices => ["Audio devices", "Audio devices", "Lydenheder", "Appareils audio", "Dispositivos de audio", "Audiogeräte"],
        Microphone => ["Microphone", "Microphone", "Mikrofon", "Microphone", "Micrófono", "Mikrofon"],
        Speaker => ["Speaker", "Speaker", "Højttaler", "Haut-parleur", "Altavoz", "Lautsprecher"],
        SystemDefault => ["System default", "System default", "Systemstandard", "Par défaut du système", "Predeterminado del sistema", "Systemstandard"],
        DevicesHint => ["Device names appear once this site may use the microphone.", "Device names appear once this site may use the microphone.", "Enhedsnavne vises, når webstedet må bruge mikrofonen.", "Le nom des appareils s'affiche une fois le micro autorisé.", "Los nombres aparecen cuando el sitio pueda usar el micrófono.", "Gerätenamen erscheinen, sobald die Seite das Mikrofon nutzen darf."],
    };
    row[lang as usize]
}

/// [`t`] with `{0}`, `{1}`… replaced by `args`.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    let mut out = t(lang, key).to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// The region's name in `lang` (the five supported from the table, others from
/// `Intl.DisplayNames`), falling back to the code.
pub fn region_name(lang: Lang, code: &str) -> String {
    let row: Option<[&str; 6]> = match code {
        "US" => Some([
            "the United States",
            "the United States",
            "USA",
            "États-Unis",
            "Estados Unidos",
            "den USA",
        ]),
        "CA" => Some(["Canada", "Canada", "Canada", "Canada", "Canadá", "Kanada"]),
        "PR" => Some([
            "Puerto Rico",
            "Puerto Rico",
            "Puerto Rico",
            "Porto Rico",
            "Puerto Rico",
            "Puerto Rico",
        ]),
        "GB" => Some([
            "the United Kingdom",
            "the United Kingdom",
            "Storbritannien",
            "Royaume-Uni",
            "el Reino Unido",
            "Großbritannien",
        ]),
        "DK" => Some([
            "Denmark",
            "Denmark",
            "Danmark",
            "Danemark",
            "Dinamarca",
            "Dänemark",
        ]),
        "DE" => Some([
            "Germany",
            "Germany",
            "Tyskland",
            "Allemagne",
            "Alemania",
            "Deutschland",
        ]),
        _ => None,
    };
    if let Some(row) = row {
        return row[lang as usize].to_string();
    }
    intl_region(lang, code).unwrap_or_else(|| code.to_string())
}

fn intl_region(lang: Lang, code: &str) -> Option<String> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"type".into(), &"region".into()).ok()?;
    let args = js_sys::Array::of2(&JsValue::from(lang.tag()), &opts);
    let names = js_sys::Reflect::construct(&ctor, &args).ok()?;
    let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into())
        .ok()?
        .dyn_into()
        .ok()?;
    of.call1(&names, &code.into()).ok()?.as_string()
}

/// A wall-clock time (`Date.now()` milliseconds) as the locale writes it: 12 h or 24 h.
pub fn time(lang: Lang, ms: u64) -> String {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"hour".into(), &"numeric".into());
    let _ = js_sys::Reflect::set(&opts, &"minute".into(), &"2-digit".into());
    let locales = js_sys::Array::of1(&lang.tag().into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &opts).format();
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A duration as `m:ss` (or `h:mm:ss`).
pub fn duration(ms: u64) -> String {
    let s = ms / 1000;
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
    }
}

/// A decimal number with `places` decimals and the locale's separator.
pub fn decimal(lang: Lang, value: f64, places: u32) -> String {
    let s = fixed(value, places);
    match lang.decimal() {
        '.' => s,
        c => s.replace('.', &c.to_string()),
    }
}
