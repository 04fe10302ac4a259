"""Italian versions of the water-programme demo modules."""

MODULES = {
    "phishing-at-the-water-utility": {
        "title": "Il phishing nelle aziende del servizio idrico",
        "summary": (
            "Impara a riconoscere le false fatture, le finte chiamate di assistenza dei fornitori e la "
            "truffa del CEO che prendono di mira i gestori del servizio idrico e delle acque reflue, e "
            "a segnalarle tempestivamente."
        ),
        "body": [
            ("heading", "Perché gli attaccanti prendono di mira le aziende idriche"),
            (
                "paragraph",
                "<p>I piccoli gestori del servizio idrico e delle acque reflue pagano fornitori, custodiscono i dati dei clienti e gestiscono sempre più spesso da remoto impianti di trattamento e stazioni di pompaggio. Per un attaccante questo significa denaro, dati e accesso a sistemi critici, spesso affidati a un piccolo gruppo di persone con uno scarso supporto informatico. La maggior parte degli attacchi non inizia con sofisticate tecniche di hacking, ma con <b>un'e-mail, un SMS o una telefonata convincenti</b> rivolti a un normale dipendente.</p>",
            ),
            ("heading", "False fatture dei fornitori"),
            (
                "paragraph",
                "<p>I criminali scoprono chi sono i tuoi fornitori, ad esempio l'azienda che consegna l'ipoclorito di sodio o i coagulanti, oppure la ditta che si occupa della manutenzione di pompe e contatori. Poi inviano una fattura o una lettera identica a quelle autentiche e annunciano che <b>le coordinate bancarie sono cambiate</b>. A volte l'e-mail proviene davvero dall'indirizzo del fornitore, perché la sua casella di posta è stata violata.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Una richiesta di modifica delle coordinate bancarie è il campanello d'allarme più importante in assoluto. Non accettarla mai sulla base di una semplice e-mail: telefona al fornitore a un numero che hai già, preso dal contratto o da fatture precedenti, e non a quello indicato nel messaggio.",
                },
            ),
            ("heading", "Falsa assistenza del fornitore SCADA"),
            (
                "paragraph",
                "<p>Un altro trucco diffuso è una telefonata o un'e-mail di qualcuno che dice di lavorare per il fornitore del tuo sistema SCADA o dei PLC, oppure per il tuo integratore di sistemi di automazione. Parla di un <i>aggiornamento di sicurezza urgente</i> e ti chiede di installare uno strumento di accesso remoto, di aprire una connessione o di comunicargli nome utente e password della VPN. I fornitori autentici lavorano attraverso il canale di assistenza concordato e nelle finestre di manutenzione programmate: non hanno mai bisogno che tu aggiri le tue procedure.</p>",
            ),
            ("heading", "Truffa del CEO e altre richieste urgenti"),
            (
                "paragraph",
                "<p>Nella truffa del CEO il messaggio sembra provenire dal tuo responsabile, dal presidente del consiglio di amministrazione o dal sindaco. Chiede un pagamento urgente e riservato oppure delle carte regalo, spesso proprio quando si sa che quella persona è in viaggio. I segnali tipici sono <b>pressione, segretezza e un canale insolito</b>. Controlla quale indirizzo e-mail si nasconde dietro il nome visualizzato e richiama la persona a un numero che conosci.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Prima di cliccare, pagare o rispondere",
                    "items": [
                        "Controlla l'indirizzo effettivo del mittente, non solo il nome visualizzato.",
                        "Chiediti se aspettavi questo messaggio o questa fattura.",
                        "Diffida dell'urgenza, della segretezza e delle richieste di aggirare le normali procedure.",
                        "Prima di cliccare su un link, passaci sopra con il mouse per vedere dove porta davvero.",
                        "Non aprire allegati inattesi, soprattutto file ZIP o HTML e documenti Office che chiedono di abilitare le macro.",
                        "Verifica le richieste di pagamento e di accesso attraverso un canale che già conosci.",
                    ],
                },
            ),
            ("heading", "Segnala subito, senza timore"),
            (
                "paragraph",
                "<p>Se hai cliccato su un link, aperto un allegato o inserito la password in una pagina sospetta, segnalalo <b>immediatamente</b> al tuo referente informatico o al tuo responsabile e cambia la password. Ogni minuto conta, e nessuno deve mai essere rimproverato per una segnalazione fatta in buona fede. I messaggi sospetti possono essere inoltrati anche all'indirizzo cert@cert.ee del CERT-EE, la squadra nazionale di risposta agli incidenti informatici che opera presso l'Autorità estone per i sistemi informativi.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "Esponi il nome e il numero di telefono del referente per le segnalazioni in modo che tutti possano vederli: in sala controllo, in officina e su una parete dell'ufficio.",
                },
            ),
            (
                "takeaways",
                [
                    "Verifica sempre per telefono una modifica delle coordinate bancarie, usando un numero che hai già.",
                    "I fornitori autentici non ti chiedono mai di avere fretta, di aggirare le procedure o di installare strumenti.",
                    "Pressione, segretezza e urgenza sono i segnali classici dell'ingegneria sociale.",
                    "Segnala subito clic e messaggi sospetti: la rapidità limita i danni.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Un'e-mail del tuo abituale fornitore di cloro comunica che il suo conto bancario è cambiato e ti chiede di pagare la prossima fattura sul nuovo conto. Che cosa dovresti fare?",
                "explanation": "Le caselle di posta dei fornitori vengono spesso violate, quindi un'e-mail proveniente dall'indirizzo autentico non dimostra nulla. Solo una telefonata a un numero che hai già può confermare la modifica.",
                "choices": [
                    {
                        "text": "Pagare sul nuovo conto: l'e-mail proviene dall'indirizzo abituale del fornitore.",
                        "correct": False,
                        "feedback": "La casella di posta del fornitore potrebbe essere stata violata. Un indirizzo noto non è una prova.",
                    },
                    {
                        "text": "Rispondere all'e-mail chiedendo di confermare la modifica.",
                        "correct": False,
                        "feedback": "Se i criminali controllano la casella di posta, saranno loro stessi a confermarla.",
                    },
                    {
                        "text": "Telefonare al fornitore al numero indicato nel contratto o nelle fatture precedenti.",
                        "correct": True,
                        "feedback": "Esatto. Un canale indipendente è l'unica verifica affidabile.",
                    },
                    {
                        "text": "Inoltrare l'e-mail a un collega e chiedergli di effettuare il pagamento.",
                        "correct": False,
                        "feedback": "In questo modo il rischio passa semplicemente a qualcun altro, senza alcuna verifica.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Quali di questi sono segnali tipici di phishing o di ingegneria sociale? (Seleziona tutte le risposte corrette.)",
                "explanation": "Gli attaccanti mettono pressione e ti isolano perché tu agisca prima di riflettere. Un messaggio nella tua lingua o in orario d'ufficio è normale e non indica nulla.",
                "choices": [
                    {
                        "text": "Ti viene chiesto di agire con urgenza.",
                        "correct": True,
                        "feedback": "Esatto: l'urgenza serve a impedirti di verificare.",
                    },
                    {
                        "text": "Ti viene chiesto di tenere la richiesta nascosta ai colleghi.",
                        "correct": True,
                        "feedback": "Esatto: la segretezza impedisce agli altri di accorgersi della truffa.",
                    },
                    {
                        "text": "L'indirizzo del mittente è leggermente diverso dal dominio autentico.",
                        "correct": True,
                        "feedback": "Esatto: i domini somiglianti, come rnail al posto di mail, sono frequenti.",
                    },
                    {
                        "text": "Il messaggio arriva durante il normale orario d'ufficio.",
                        "correct": False,
                        "feedback": "L'orario da solo non è un segnale d'allarme: gli attaccanti inviano messaggi in qualsiasi momento.",
                    },
                    {
                        "text": "Il messaggio è scritto nella tua lingua.",
                        "correct": False,
                        "feedback": "Il phishing moderno è spesso scritto in una lingua fluente e priva di errori.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un vero fornitore SCADA può telefonarti senza preavviso e chiederti di installare uno strumento di accesso remoto per applicare una patch urgente.",
                "is_true": False,
                "explanation": "I fornitori autentici usano il canale di assistenza concordato e la manutenzione programmata. Una richiesta inattesa di installare un software di accesso remoto è un attacco classico.",
                "feedback_true": "Non proprio. È esattamente così che gli attaccanti entrano nei sistemi di controllo: verifica sempre attraverso il canale concordato.",
                "feedback_false": "Esatto. Le richieste non annunciate di installare strumenti di accesso remoto vanno sempre verificate e respinte.",
            },
            {
                "type": "single_choice",
                "prompt": "Hai cliccato su un link in un'e-mail e inserito la password in una pagina che poi ha mostrato un errore. Che cosa dovresti fare per prima cosa?",
                "explanation": "L'attaccante potrebbe già usare la tua password. Segnalare subito l'accaduto e cambiare la password limita ciò che può fare.",
                "choices": [
                    {
                        "text": "Aspettare e vedere se succede qualcosa di strano.",
                        "correct": False,
                        "feedback": "A quel punto l'attaccante potrebbe aver già usato il tuo account.",
                    },
                    {
                        "text": "Segnalarlo subito al referente informatico o al responsabile e cambiare la password.",
                        "correct": True,
                        "feedback": "Esatto. Una segnalazione rapida offre le migliori possibilità di fermare l'attacco.",
                    },
                    {
                        "text": "Cancellare l'e-mail e non dire nulla per evitare imbarazzi.",
                        "correct": False,
                        "feedback": "Tacere aiuta solo l'attaccante. Le segnalazioni in buona fede sono sempre benvenute.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Il direttore, che è in ferie, ti scrive un'e-mail chiedendoti un pagamento urgente e riservato a un nuovo partner e ti dice di non parlarne con nessuno. Qual è la risposta migliore?",
                "explanation": "Pressione e segretezza sono i tratti distintivi della truffa del CEO. Una telefonata a un numero conosciuto richiede un minuto e blocca la truffa.",
                "choices": [
                    {
                        "text": "Effettuare il pagamento: il direttore ha l'autorità per chiederlo.",
                        "correct": False,
                        "feedback": "È proprio su questo che contano i criminali. L'autorità non sostituisce la verifica.",
                    },
                    {
                        "text": "Rispondere all'e-mail chiedendo se la richiesta è autentica.",
                        "correct": False,
                        "feedback": "La tua risposta potrebbe arrivare direttamente al truffatore.",
                    },
                    {
                        "text": "Telefonare al direttore a un numero che già conosci e seguire la normale procedura di autorizzazione.",
                        "correct": True,
                        "feedback": "Esatto. Verifica attraverso un canale conosciuto e non saltare mai le consuete autorizzazioni.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un'e-mail può mostrare come mittente un nome familiare anche se è stata inviata da un indirizzo completamente diverso.",
                "is_true": True,
                "explanation": "Il nome visualizzato può essere impostato a piacere. Controlla sempre l'indirizzo effettivo e ricorda che anche un indirizzo corretto può appartenere a una casella di posta violata.",
                "feedback_true": "Esatto. Il nome visualizzato è facile da falsificare: controlla l'indirizzo che si nasconde dietro.",
                "feedback_false": "Non proprio. Chiunque può scegliere qualsiasi nome visualizzato: il nome da solo non dimostra nulla.",
            },
        ],
    },
    "remote-access-and-ot-hygiene": {
        "title": "Accesso remoto e igiene informatica dei sistemi OT",
        "summary": (
            "Tieni pompe, PLC e sistemi SCADA fuori dalla portata degli attaccanti: nessuna esposizione "
            "diretta a internet, VPN con MFA per i fornitori, reti IT e OT separate e le abitudini "
            "quotidiane che mantengono sicuri i sistemi di controllo."
        ),
        "body": [
            ("heading", "Un sistema di controllo non è un computer d'ufficio"),
            (
                "paragraph",
                "<p>PLC, HMI e server SCADA controllano le pompe, il dosaggio dei reagenti chimici e i livelli dei serbatoi. Spesso restano in servizio per 15 anni o più, non sempre possono essere aggiornati rapidamente e sono stati progettati per reti chiuse. Se un attaccante ne prende il controllo, la conseguenza non è soltanto la perdita di dati, ma potenzialmente <b>l'interruzione della fornitura o un'acqua potabile non sicura</b>.</p>",
            ),
            ("heading", "Non esporre mai PLC o HMI direttamente su internet"),
            (
                "paragraph",
                "<p>Motori di ricerca come Shodan scandagliano di continuo l'intera rete internet alla ricerca di dispositivi industriali. Un PLC o un HMI con un indirizzo IP pubblico e una porta aperta – Modbus, un'interfaccia web o VNC – viene individuato nel giro di poche ore. Alla fine del 2023 alcuni attaccanti hanno preso il controllo di PLC esposti su internet presso diversi gestori idrici, che erano ancora protetti soltanto dalla <b>password predefinita del produttore</b>.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Se riesci ad aprire il tuo HMI dal telefono senza prima collegarti a una VPN, può farlo chiunque su internet. Chiedi al tuo integratore di verificarlo oggi stesso.",
                },
            ),
            ("heading", "Accesso dei fornitori: VPN con MFA, e solo quando serve"),
            (
                "paragraph",
                "<p>L'accesso remoto al sistema di controllo deve passare esclusivamente attraverso una VPN o un gateway di accesso remoto protetti dall'<b>autenticazione a più fattori</b> (MFA). Ogni persona ha il proprio account: niente credenziali condivise per i fornitori. L'accesso dei fornitori viene attivato per una finestra di manutenzione concordata e disattivato subito dopo, e ogni sessione viene registrata. Non permettere alle ditte esterne di installare propri strumenti di accesso remoto sui computer OT.</p>",
            ),
            ("heading", "Tieni separate le reti IT e OT"),
            (
                "paragraph",
                "<p>La rete dell'ufficio, dove si leggono le e-mail e si naviga sul web, deve essere separata dalla rete di controllo da un firewall che consenta solo le connessioni davvero necessarie. I dati che devono passare da una rete all'altra, come i report delle misure, dovrebbero transitare attraverso una zona separata (DMZ). In questo modo un ransomware arrivato via e-mail non può raggiungere lo SCADA. Non usare <i>mai</i> HMI o postazioni di ingegneria per leggere la posta elettronica o navigare sul web.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Igiene OT quotidiana",
                    "items": [
                        "Cambia le password predefinite di ogni PLC, HMI, router, modem e telecamera.",
                        "Non collegare chiavette USB sconosciute ai computer OT; per trasferire file usa solo una chiavetta dedicata e controllata.",
                        "Mantieni un elenco aggiornato di tutti i dispositivi del sistema di controllo.",
                        "Raccogli i log della VPN, dei firewall e delle modifiche ai programmi dei PLC, e analizzali regolarmente.",
                        "Elimina senza indugio gli account di ex dipendenti e di fornitori non più attivi.",
                        "Installa gli aggiornamenti dopo averli testati con il tuo fornitore o integratore.",
                    ],
                },
            ),
            ("heading", "Conosci i tuoi dispositivi"),
            (
                "paragraph",
                "<p>Non puoi proteggere ciò che non sai di avere. Per ogni dispositivo, l'inventario degli asset dovrebbe riportare modello, ubicazione, versione del firmware, indirizzo di rete e persona responsabile, compresi i <b>router e modem su rete mobile</b> delle stazioni di pompaggio remote, che vengono facilmente dimenticati e sono spesso raggiungibili da internet. Conserva i log in un punto centralizzato per diversi mesi, così da poter indagare se succede qualcosa.</p>",
            ),
            (
                "takeaways",
                [
                    "Nessun PLC, HMI o server SCADA deve essere raggiungibile direttamente da internet.",
                    "Accesso remoto solo tramite VPN con MFA, con account personali e sessioni registrate.",
                    "Tieni la rete informatica dell'ufficio e quella del sistema di controllo separate da un firewall.",
                    "Password predefinite, chiavette USB sconosciute e modem dimenticati offrono agli attaccanti un facile punto d'ingresso.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Un fornitore di pompe ha bisogno di un accesso remoto per modificare un programma PLC. Quale configurazione è la più sicura?",
                "explanation": "L'accesso tramite VPN con MFA, un account personale e una finestra temporale limitata ti permettono di controllare chi si collega, quando e che cosa fa.",
                "choices": [
                    {
                        "text": "Inoltrare una porta del router verso l'HMI e proteggerla con una password robusta.",
                        "correct": False,
                        "feedback": "I dispositivi esposti vengono individuati e attaccati rapidamente; una password da sola non basta.",
                    },
                    {
                        "text": "Una VPN con MFA e un account personale per il tecnico del fornitore, attivato solo per la finestra di manutenzione concordata.",
                        "correct": True,
                        "feedback": "Esatto. L'accesso è limitato nel tempo e ogni sessione è tracciabile.",
                    },
                    {
                        "text": "Lasciare che il fornitore installi uno strumento di accesso remoto permanente sulla postazione di ingegneria.",
                        "correct": False,
                        "feedback": "Uno strumento permanente e non controllato è una porta di servizio che possono usare anche gli attaccanti.",
                    },
                    {
                        "text": "Dare al fornitore le credenziali condivise degli operatori.",
                        "correct": False,
                        "feedback": "Con credenziali condivise è impossibile sapere chi ha fatto che cosa.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Quali misure aiutano a separare correttamente le reti IT e OT? (Seleziona tutte le risposte corrette.)",
                "explanation": "Separare significa avere un firewall che consenta solo il traffico necessario, una DMZ per lo scambio di dati e nessun uso d'ufficio dei computer OT. Password condivise e collegamenti diretti annullano la separazione.",
                "choices": [
                    {
                        "text": "Un firewall tra la rete dell'ufficio e quella di controllo che consenta solo il traffico necessario.",
                        "correct": True,
                        "feedback": "Esatto: è il cuore della separazione.",
                    },
                    {
                        "text": "Niente posta elettronica né navigazione web su HMI e postazioni di ingegneria.",
                        "correct": True,
                        "feedback": "Esatto: così si eliminano le vie d'infezione più comuni.",
                    },
                    {
                        "text": "Una zona separata (DMZ) per lo scambio di dati come i report.",
                        "correct": True,
                        "feedback": "Esatto: i dati possono circolare senza un collegamento diretto.",
                    },
                    {
                        "text": "La stessa password di amministratore su entrambe le reti, per comodità.",
                        "correct": False,
                        "feedback": "Una password rubata in ufficio aprirebbe così anche la rete di controllo.",
                    },
                    {
                        "text": "Collegare il server SCADA al Wi-Fi dell'ufficio.",
                        "correct": False,
                        "feedback": "In questo modo il sistema di controllo viene collegato direttamente alla rete dell'ufficio.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un PLC è al sicuro dagli attaccanti su internet se la sua interfaccia web usa un numero di porta insolito.",
                "is_true": False,
                "explanation": "Gli scanner controllano tutte le porte, non solo quelle standard. L'unico approccio sicuro è tenere i dispositivi di controllo fuori dalla rete internet pubblica.",
                "feedback_true": "Non proprio. Gli scanner su internet controllano tutte le porte, quindi un numero insolito non nasconde nulla.",
                "feedback_false": "Esatto. Spostare il servizio su un'altra porta non protegge un dispositivo esposto su internet.",
            },
            {
                "type": "single_choice",
                "prompt": "Una ditta esterna porta una chiavetta USB con un progetto HMI aggiornato. Qual è il modo corretto di procedere?",
                "explanation": "Le chiavette USB sono una via ben nota con cui il malware raggiunge le reti isolate. Controllare i file su un computer dedicato e seguire la procedura di gestione delle modifiche riduce il rischio.",
                "choices": [
                    {
                        "text": "Collegarla direttamente all'HMI: la ditta è di fiducia.",
                        "correct": False,
                        "feedback": "Anche una ditta di fiducia può portare una chiavetta infetta senza saperlo.",
                    },
                    {
                        "text": "Controllare i file su un computer dedicato con antivirus aggiornato e trasferirli come previsto dalla procedura di gestione delle modifiche.",
                        "correct": True,
                        "feedback": "Esatto. Prima si controlla, poi si trasferisce in modo controllato.",
                    },
                    {
                        "text": "Aprirla prima su un PC dell'ufficio per vedere che cosa contiene.",
                        "correct": False,
                        "feedback": "Il PC dell'ufficio potrebbe essere a sua volta infetto e trasmettere il malware alla chiavetta.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Che cosa dovrebbe contenere l'inventario degli asset OT? (Seleziona tutte le risposte corrette.)",
                "explanation": "L'inventario deve descrivere che cos'è ogni dispositivo, dove si trova, come è collegato e chi ne è responsabile. Le password non vanno inserite, e le password predefinite non dovrebbero proprio più esistere.",
                "choices": [
                    {
                        "text": "Modello e ubicazione del dispositivo",
                        "correct": True,
                        "feedback": "Esatto.",
                    },
                    {
                        "text": "Versione del firmware o del software",
                        "correct": True,
                        "feedback": "Esatto: serve a capire quali vulnerabilità ti riguardano.",
                    },
                    {
                        "text": "Indirizzo di rete e tipo di connessione, compresi i modem su rete mobile",
                        "correct": True,
                        "feedback": "Esatto: i modem dimenticati sono un punto debole frequente.",
                    },
                    {
                        "text": "La password predefinita di ogni dispositivo, in chiaro",
                        "correct": False,
                        "feedback": "Le password non vanno inserite nell'inventario, e quelle predefinite dovrebbero essere già state cambiate.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "I log degli accessi alla VPN e delle modifiche ai programmi dei PLC aiutano a ricostruire che cosa è successo dopo un incidente.",
                "is_true": True,
                "explanation": "Senza log non puoi sapere chi si è collegato, quando o che cosa è stato modificato. Conservali in modo centralizzato per diversi mesi.",
                "feedback_true": "Esatto. Spesso i log sono l'unica prova di ciò che è realmente accaduto.",
                "feedback_false": "Non proprio. I log sono indispensabili per indagare sugli incidenti.",
            },
        ],
    },
    "backups-and-incident-response": {
        "title": "Backup e risposta agli incidenti",
        "summary": (
            "Assicurati che la tua azienda idrica sia in grado di riprendersi da un attacco ransomware o "
            "da un guasto dei sistemi: backup di cui hai davvero provato il ripristino, copie delle "
            "configurazioni dei PLC e un piano chiaro su chi fa che cosa quando qualcosa va storto."
        ),
        "body": [
            ("heading", "La regola 3-2-1"),
            (
                "paragraph",
                "<p>Conserva almeno <b>tre copie</b> dei dati importanti, su <b>due tipi diversi</b> di supporto, di cui <b>una fuori sede</b>. Almeno una copia deve inoltre essere <i>offline o immutabile</i>, cioè scollegata o protetta da scrittura, perché i ransomware moderni cercano i dischi di backup collegati e le cartelle di rete condivise e li cifrano o li cancellano per primi.</p>",
            ),
            ("heading", "Non dimenticare le configurazioni di PLC e HMI"),
            (
                "paragraph",
                "<p>Di solito esiste un backup dei dati di fatturazione e di contabilità, ma spesso non del sistema di controllo. Programmi dei PLC, progetti HMI, configurazione dello SCADA, impostazioni dei dispositivi di rete, versioni del firmware e setpoint a volte si trovano soltanto sul portatile dell'integratore. Conserva una tua copia aggiornata, comprese le versioni precedenti, tienila offline e aggiornala dopo ogni modifica. Inserisci nel contratto di manutenzione l'obbligo di consegnarti questi file.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Un backup che non hai mai ripristinato è solo una speranza. Prova regolarmente il ripristino, almeno due volte l'anno, includendo anche il caricamento di un programma PLC su un hardware di riserva.",
                },
            ),
            ("heading", "Quando succede qualcosa: i primi passi"),
            (
                "paragraph",
                "<p>Tra i segnali d'allarme ci sono file che all'improvviso non si aprono o hanno estensioni strane, una richiesta di riscatto sullo schermo, valori sull'HMI privi di senso o setpoint che cambiano senza che nessuno li tocchi. <b>Isola</b> i computer colpiti scollegando il cavo di rete o disattivando il Wi-Fi, ma non spegnerli: la memoria e i log possono contenere prove importanti. Poi avvisa immediatamente il referente per gli incidenti.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Contatti in caso di incidente – stampa l'elenco e tienilo vicino al telefono",
                    "items": [
                        "Il referente per gli incidenti e il suo sostituto, con i numeri di cellulare.",
                        "Il fornitore di servizi informatici e l'integratore SCADA, con i numeri di reperibilità fuori orario.",
                        "CERT-EE, il CSIRT nazionale presso l'Autorità estone per i sistemi informativi: cert@cert.ee.",
                        "La polizia, se si tratta di un reato come l'estorsione.",
                        "L'Autorità sanitaria estone (Terviseamet), se la qualità dell'acqua potabile può essere compromessa.",
                        "La compagnia assicurativa, la proprietà o il comune e chi gestisce la comunicazione con i clienti.",
                    ],
                },
            ),
            ("heading", "Il funzionamento manuale come soluzione di riserva"),
            (
                "paragraph",
                "<p>Se non ci si può fidare del sistema di controllo, l'acqua deve comunque continuare a scorrere. Assicurati di poter gestire il trattamento e il pompaggio <b>in manuale per diversi giorni</b>: servono procedure e setpoint stampati, personale formato, quadri di comando locali funzionanti, campionamenti manuali e controlli sul dosaggio dei reagenti, oltre a una turnazione del personale. Il passaggio al funzionamento manuale andrebbe esercitato almeno una volta l'anno.</p>",
            ),
            ("heading", "Ransomware: non pagare – isola, segnala, ripristina"),
            (
                "paragraph",
                "<p>Pagare non garantisce di riavere i dati né che i dati rubati non vengano pubblicati. Significa finanziare altri reati e far sapere ai criminali che la tua organizzazione è disposta a pagare. Isola i sistemi infetti, conserva le prove e segnala l'accaduto al CERT-EE e alla polizia. Ripristina da backup puliti solo dopo aver individuato e chiuso la via d'accesso usata dagli attaccanti, e cambia tutte le password. Se la tua azienda rientra nell'ambito di applicazione della legge estone sulla cibersicurezza, la notifica degli incidenti significativi all'Autorità per i sistemi informativi è anche un <b>obbligo di legge</b>.</p>",
            ),
            (
                "takeaways",
                [
                    "Segui la regola 3-2-1 e conserva almeno una copia offline o immutabile.",
                    "Esegui il backup di programmi PLC, progetti HMI e impostazioni di rete dopo ogni modifica.",
                    "Prova il ripristino ed esercitati nel funzionamento manuale prima di averne bisogno.",
                    "In caso di incidente: isola, non spegnere, chiama il referente per gli incidenti e segnala l'accaduto al CERT-EE.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Che cosa significa la regola di backup 3-2-1?",
                "explanation": "Tre copie su due tipi di supporto, di cui una conservata altrove, fanno sì che nessun singolo guasto, incendio o attacco possa distruggere tutti i tuoi dati.",
                "choices": [
                    {
                        "text": "Tre copie dei dati, su due tipi diversi di supporto, di cui una fuori sede.",
                        "correct": True,
                        "feedback": "Esatto.",
                    },
                    {
                        "text": "Tre backup al giorno, conservati per due settimane su un unico server.",
                        "correct": False,
                        "feedback": "La frequenza conta, ma se tutto si trova su un unico server basta un solo guasto per perdere tutto.",
                    },
                    {
                        "text": "Tre amministratori, due password e un disco di backup.",
                        "correct": False,
                        "feedback": "Questo non ha nulla a che vedere con la regola 3-2-1.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un backup ha davvero dimostrato il suo valore solo quando lo hai ripristinato con successo durante una prova.",
                "is_true": True,
                "explanation": "I backup possono fallire senza che nessuno se ne accorga: file mancanti, supporti danneggiati o una password dimenticata. Solo una prova di ripristino dimostra che il recupero funzionerà davvero.",
                "feedback_true": "Esatto. I backup mai verificati spesso falliscono proprio quando servono.",
                "feedback_false": "Non proprio. Molte organizzazioni scoprono solo durante un incidente che i loro backup non si possono ripristinare.",
            },
            {
                "type": "multiple_choice",
                "prompt": "Che cosa dovrebbe includere nei propri backup una piccola azienda idrica? (Seleziona tutte le risposte corrette.)",
                "explanation": "Un'azienda idrica deve poter ripristinare sia i dati dell'ufficio sia la configurazione del sistema di controllo. Affidarsi solo all'integratore significa dipendere da un unico portatile.",
                "choices": [
                    {
                        "text": "Programmi dei PLC e progetti HMI",
                        "correct": True,
                        "feedback": "Esatto: senza di essi, ricostruire il sistema di controllo può richiedere settimane.",
                    },
                    {
                        "text": "Dati dei clienti e di fatturazione",
                        "correct": True,
                        "feedback": "Esatto.",
                    },
                    {
                        "text": "Impostazioni di firewall e router",
                        "correct": True,
                        "feedback": "Esatto: anche la rete deve essere ricostruita.",
                    },
                    {
                        "text": "Nulla del sistema di controllo: l'integratore ne conserva una copia",
                        "correct": False,
                        "feedback": "La copia dell'integratore potrebbe essere obsoleta, andata persa o non disponibile nel momento critico.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Sullo schermo di un computer dell'ufficio compare all'improvviso una richiesta di riscatto e i file hanno strane nuove estensioni. Qual è il primo passo corretto?",
                "explanation": "Scollegare il computer dalla rete ferma la propagazione e preserva le prove presenti in memoria; il referente per gli incidenti coordina poi i passi successivi.",
                "choices": [
                    {
                        "text": "Togliere subito l'alimentazione a tutti i computer.",
                        "correct": False,
                        "feedback": "Lo spegnimento può distruggere le prove presenti in memoria. Scollega invece il computer dalla rete.",
                    },
                    {
                        "text": "Scollegare il computer dalla rete e avvisare il referente per gli incidenti.",
                        "correct": True,
                        "feedback": "Esatto. Isola il computer, lascialo acceso e dai l'allarme.",
                    },
                    {
                        "text": "Pagare subito il riscatto per ridurre al minimo il fermo.",
                        "correct": False,
                        "feedback": "Pagare non garantisce nulla e finanzia altri attacchi.",
                    },
                    {
                        "text": "Seguire il link indicato nella richiesta di riscatto per contattare gli attaccanti.",
                        "correct": False,
                        "feedback": "Non interagire con gli attaccanti: lascia questo compito agli specialisti e alla polizia.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Lo SCADA mostra modifiche ai setpoint che nessuno ha effettuato e non ci si può più fidare del sistema. Che cosa dovrebbero fare gli operatori?",
                "explanation": "L'approvvigionamento idrico e la sicurezza vengono prima di tutto. Il funzionamento manuale secondo la procedura predisposta mantiene in funzione l'impianto mentre si indaga sull'incidente.",
                "choices": [
                    {
                        "text": "Continuare in modalità automatica e attendere che l'IT indaghi.",
                        "correct": False,
                        "feedback": "Se non ci si può fidare del sistema, la modalità automatica potrebbe produrre acqua non sicura.",
                    },
                    {
                        "text": "Passare al funzionamento manuale seguendo la procedura stampata e controllare manualmente la qualità dell'acqua con maggiore frequenza.",
                        "correct": True,
                        "feedback": "Esatto. Così la fornitura resta sicura mentre si cerca la causa.",
                    },
                    {
                        "text": "Fermare subito l'intero impianto senza avvisare nessuno.",
                        "correct": False,
                        "feedback": "Un arresto non coordinato può esso stesso interrompere la fornitura: segui il piano e informa il referente per gli incidenti.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Pagare il riscatto garantisce di riavere i propri dati e che questi non vengano pubblicati.",
                "is_true": False,
                "explanation": "Spesso i criminali non forniscono una chiave di decifratura funzionante, pubblicano comunque i dati o tornano con nuove richieste. Le autorità sconsigliano di pagare.",
                "feedback_true": "Non proprio. Non c'è alcuna garanzia, e pagare ti rende un bersaglio per nuovi attacchi.",
                "feedback_false": "Esatto. Pagare non garantisce nulla e finanzia altri reati.",
            },
        ],
    },
}

PROGRAMMES = {
    "water-industry-sme-cyber-resilience-estonia": {
        "title": "Programma di resilienza informatica per le PMI del settore idrico",
        "intro": (
            "<p>Questo programma di sviluppo dell'Autorità estone per i sistemi informativi aiuta i "
            "piccoli gestori del servizio idrico e delle acque reflue a proteggere servizi su cui le "
            "persone fanno affidamento ogni giorno. Gli attacchi al settore idrico sono sempre più "
            "frequenti e i piccoli gestori sono spesso i bersagli più facili.</p>"
            "<p>I quattro moduli trattano il phishing rivolto al personale delle aziende idriche, "
            "l'accesso remoto sicuro ai sistemi di controllo, i backup e la risposta agli incidenti, le "
            "password robuste e l'autenticazione a più fattori. Ogni modulo richiede 10–15 minuti e si "
            "conclude con un breve quiz.</p>"
        ),
        "audience": (
            "Personale, dirigenti e operatori delle piccole e medie aziende del servizio idrico e delle "
            "acque reflue in Estonia, insieme ai loro partner informatici e di automazione."
        ),
    },
}
