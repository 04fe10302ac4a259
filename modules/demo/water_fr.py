"""French versions of the water-programme demo modules."""

MODULES = {
    "phishing-at-the-water-utility": {
        "title": "L'hameçonnage dans les services d'eau",
        "summary": (
            "Reconnaissez les fausses factures, les faux appels d'assistance de fournisseurs et la "
            "fraude au président qui visent les services d'eau et d'assainissement, et sachez les "
            "signaler rapidement."
        ),
        "body": [
            ("heading", "Pourquoi les attaquants s'en prennent aux services d'eau"),
            (
                "paragraph",
                "<p>Les petits services d'eau et d'assainissement paient des fournisseurs, détiennent des données sur leurs abonnés et pilotent de plus en plus souvent à distance leurs stations de traitement et de pompage. Pour un attaquant, cela représente de l'argent, des données et un accès à des systèmes critiques – souvent gérés par une petite équipe qui dispose de peu de soutien informatique. La plupart des attaques ne commencent pas par un piratage sophistiqué, mais par <b>un e-mail, un SMS ou un appel téléphonique convaincant</b> adressé à un simple employé.</p>",
            ),
            ("heading", "Les fausses factures de fournisseurs"),
            (
                "paragraph",
                "<p>Les escrocs repèrent qui sont vos fournisseurs – par exemple l'entreprise qui vous livre l'hypochlorite de sodium ou les coagulants, ou la société qui entretient vos pompes et vos compteurs d'eau. Ils envoient ensuite une facture ou un courrier en tous points semblable à l'original et annoncent que les <b>coordonnées bancaires ont changé</b>. Parfois, l'e-mail provient réellement de l'adresse du fournisseur, parce que sa messagerie a été piratée.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Une demande de changement de coordonnées bancaires est le signal d'alerte le plus sérieux de tous. Ne l'acceptez jamais sur la seule foi d'un e-mail : appelez le fournisseur à un numéro que vous possédez déjà, tiré du contrat ou de factures antérieures, et non à celui indiqué dans le message.",
                },
            ),
            ("heading", "Le faux support du fournisseur SCADA"),
            (
                "paragraph",
                "<p>Autre ruse courante : un appel ou un e-mail d'une personne qui prétend travailler pour le fournisseur de votre système SCADA ou de vos automates, ou pour votre intégrateur en automatisme. Elle évoque une <i>mise à jour de sécurité urgente</i> et vous demande d'installer un outil de prise en main à distance, d'ouvrir une connexion ou de lui dicter votre identifiant et votre mot de passe VPN. Les vrais fournisseurs passent par le canal d'assistance convenu et par des créneaux de maintenance planifiés – ils n'ont jamais besoin que vous contourniez vos propres procédures.</p>",
            ),
            ("heading", "La fraude au président et autres demandes urgentes"),
            (
                "paragraph",
                "<p>Dans la fraude au président, le message semble venir de votre responsable, du président du conseil d'administration ou du maire. Il réclame un paiement urgent et confidentiel, ou l'achat de cartes cadeaux, souvent à un moment où l'on sait que cette personne est en déplacement. Les signes typiques sont <b>la pression, le secret et un canal inhabituel</b>. Vérifiez quelle adresse e-mail se cache derrière le nom affiché et rappelez la personne à un numéro que vous connaissez.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Avant de cliquer, de payer ou de répondre",
                    "items": [
                        "Vérifiez l'adresse réelle de l'expéditeur, pas seulement le nom affiché.",
                        "Demandez-vous si vous attendiez ce message ou cette facture.",
                        "Méfiez-vous de l'urgence, du secret et des demandes de contourner les procédures habituelles.",
                        "Survolez un lien avec la souris pour voir où il mène réellement avant de cliquer.",
                        "N'ouvrez pas les pièces jointes inattendues, en particulier les fichiers ZIP ou HTML et les documents Office qui vous demandent d'activer les macros.",
                        "Vérifiez les demandes de paiement et d'accès par un canal que vous connaissez déjà.",
                    ],
                },
            ),
            ("heading", "Signalez vite – et sans crainte"),
            (
                "paragraph",
                "<p>Si vous avez cliqué sur un lien, ouvert une pièce jointe ou saisi votre mot de passe sur une page suspecte, signalez-le <b>immédiatement</b> à votre référent informatique ou à votre responsable, et changez votre mot de passe. Chaque minute compte, et personne ne doit jamais être blâmé pour un signalement fait de bonne foi. Vous pouvez également transférer les messages suspects à l'adresse cert@cert.ee du CERT-EE, l'équipe nationale de réponse aux incidents rattachée à l'Autorité estonienne des systèmes d'information (RIA).</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "Affichez le nom et le numéro de téléphone de la personne à qui signaler un incident là où tout le monde peut les voir : en salle de commande, à l'atelier et sur un mur du bureau.",
                },
            ),
            (
                "takeaways",
                [
                    "Vérifiez toujours un changement de coordonnées bancaires par téléphone, à un numéro que vous avez déjà.",
                    "Les vrais fournisseurs ne vous demandent jamais de vous précipiter, de contourner les procédures ou d'installer des outils.",
                    "La pression, le secret et l'urgence sont les signes classiques de l'ingénierie sociale.",
                    "Signalez sans attendre les clics malencontreux et les messages suspects : la rapidité limite les dégâts.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Votre fournisseur de chlore habituel vous écrit que son compte bancaire a changé et vous demande de régler la prochaine facture sur le nouveau compte. Que faites-vous ?",
                "explanation": "Les messageries des fournisseurs sont souvent piratées : un e-mail venant de la véritable adresse ne prouve donc rien. Seul un appel à un numéro que vous possédez déjà permet de confirmer le changement.",
                "choices": [
                    {
                        "text": "Payer sur le nouveau compte – l'e-mail provient de l'adresse habituelle du fournisseur.",
                        "correct": False,
                        "feedback": "La messagerie du fournisseur a peut-être été piratée. Une adresse familière n'est pas une preuve.",
                    },
                    {
                        "text": "Répondre à l'e-mail pour demander confirmation du changement.",
                        "correct": False,
                        "feedback": "Si des escrocs contrôlent la messagerie, ils confirmeront tout simplement eux-mêmes.",
                    },
                    {
                        "text": "Appeler le fournisseur au numéro figurant dans le contrat ou sur des factures antérieures.",
                        "correct": True,
                        "feedback": "Exact. Un canal indépendant est la seule vérification fiable.",
                    },
                    {
                        "text": "Transférer l'e-mail à un collègue et lui demander d'effectuer le paiement.",
                        "correct": False,
                        "feedback": "Vous ne faites que transmettre le risque, sans rien vérifier.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Parmi ces éléments, lesquels sont des signes d'alerte typiques de l'hameçonnage ou de l'ingénierie sociale ? (Cochez toutes les bonnes réponses.)",
                "explanation": "Les attaquants mettent la pression et vous isolent pour que vous agissiez avant de réfléchir. Un message rédigé dans votre langue ou reçu pendant les heures de bureau est normal et ne vous apprend rien.",
                "choices": [
                    {
                        "text": "On vous demande d'agir de toute urgence.",
                        "correct": True,
                        "feedback": "Exact – l'urgence sert à vous empêcher de vérifier.",
                    },
                    {
                        "text": "On vous demande de garder la demande secrète vis-à-vis de vos collègues.",
                        "correct": True,
                        "feedback": "Exact – le secret empêche les autres de repérer la fraude.",
                    },
                    {
                        "text": "L'adresse de l'expéditeur diffère légèrement du vrai nom de domaine.",
                        "correct": True,
                        "feedback": "Exact – les noms de domaine trompeurs, comme « rnail » au lieu de « mail », sont fréquents.",
                    },
                    {
                        "text": "Le message arrive pendant les heures de bureau habituelles.",
                        "correct": False,
                        "feedback": "Le moment de l'envoi n'est pas en soi un signe d'alerte : les attaquants envoient des messages à toute heure.",
                    },
                    {
                        "text": "Le message est rédigé dans votre langue.",
                        "correct": False,
                        "feedback": "L'hameçonnage moderne est souvent rédigé dans une langue fluide et sans fautes.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un véritable fournisseur SCADA peut vous appeler sans prévenir et vous demander d'installer un outil de prise en main à distance afin d'appliquer un correctif urgent.",
                "is_true": False,
                "explanation": "Les vrais fournisseurs passent par le canal d'assistance convenu et par des opérations de maintenance planifiées. Une demande inattendue d'installer un logiciel d'accès à distance est une attaque classique.",
                "feedback_true": "Pas tout à fait. C'est exactement ainsi que les attaquants pénètrent dans les systèmes de contrôle-commande – vérifiez toujours par le canal convenu.",
                "feedback_false": "Exact. Toute demande imprévue d'installer un outil d'accès à distance doit être vérifiée et refusée.",
            },
            {
                "type": "single_choice",
                "prompt": "Vous avez cliqué sur un lien dans un e-mail et saisi votre mot de passe sur une page qui a ensuite affiché une erreur. Que faites-vous en premier ?",
                "explanation": "L'attaquant utilise peut-être déjà votre mot de passe. Un signalement immédiat et le changement du mot de passe limitent ce qu'il peut faire.",
                "choices": [
                    {
                        "text": "Attendre de voir s'il se passe quelque chose d'anormal.",
                        "correct": False,
                        "feedback": "D'ici là, l'attaquant aura peut-être déjà utilisé votre compte.",
                    },
                    {
                        "text": "Le signaler immédiatement à votre référent informatique ou à votre responsable et changer votre mot de passe.",
                        "correct": True,
                        "feedback": "Exact. Un signalement rapide offre les meilleures chances de stopper l'attaque.",
                    },
                    {
                        "text": "Supprimer l'e-mail et ne rien dire pour éviter l'embarras.",
                        "correct": False,
                        "feedback": "Se taire n'aide que l'attaquant. Un signalement honnête est toujours le bienvenu.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Le directeur, actuellement en congé, vous demande par e-mail d'effectuer un paiement urgent et confidentiel à un nouveau partenaire et précise que vous ne devez en parler à personne. Quelle est la meilleure réaction ?",
                "explanation": "La pression et le secret sont les marques de fabrique de la fraude au président. Un appel à un numéro connu prend une minute et déjoue la fraude.",
                "choices": [
                    {
                        "text": "Effectuer le paiement – le directeur a autorité pour le demander.",
                        "correct": False,
                        "feedback": "C'est précisément ce sur quoi comptent les escrocs. L'autorité ne remplace pas la vérification.",
                    },
                    {
                        "text": "Répondre à l'e-mail pour demander si la demande est authentique.",
                        "correct": False,
                        "feedback": "Votre réponse risque d'arriver directement chez l'escroc.",
                    },
                    {
                        "text": "Appeler le directeur à un numéro que vous connaissez déjà et suivre la procédure de validation habituelle.",
                        "correct": True,
                        "feedback": "Exact. Vérifiez par un canal connu et ne sautez jamais les validations habituelles.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un e-mail peut afficher un nom familier comme expéditeur alors qu'il a été envoyé depuis une tout autre adresse.",
                "is_true": True,
                "explanation": "Le nom affiché peut être choisi librement. Vérifiez toujours l'adresse réelle – et n'oubliez pas que même une adresse correcte peut appartenir à une messagerie piratée.",
                "feedback_true": "Exact. Le nom affiché est facile à falsifier : vérifiez l'adresse qui se cache derrière.",
                "feedback_false": "Pas tout à fait. N'importe qui peut choisir n'importe quel nom d'affichage – le nom seul ne prouve rien.",
            },
        ],
    },
    "remote-access-and-ot-hygiene": {
        "title": "Accès à distance et hygiène des systèmes industriels (OT)",
        "summary": (
            "Mettez pompes, automates et SCADA hors de portée des attaquants : aucune exposition "
            "directe sur Internet, VPN avec authentification multifacteur pour les fournisseurs, "
            "réseaux IT et OT séparés, et les bons réflexes quotidiens qui protègent les systèmes de "
            "contrôle-commande."
        ),
        "body": [
            ("heading", "Un système de contrôle-commande n'est pas un ordinateur de bureau"),
            (
                "paragraph",
                "<p>Les automates programmables (API), les interfaces homme-machine (IHM) et les serveurs SCADA pilotent les pompes, le dosage des réactifs et le niveau des réservoirs. Ils restent souvent en service 15 ans ou plus, ne peuvent pas toujours être mis à jour rapidement et ont été conçus pour des réseaux fermés. Si un attaquant en prend le contrôle, la conséquence n'est pas seulement une perte de données, mais potentiellement <b>une interruption de la distribution ou une eau potable impropre à la consommation</b>.</p>",
            ),
            ("heading", "N'exposez jamais un automate ou une IHM directement sur Internet"),
            (
                "paragraph",
                "<p>Des moteurs de recherche comme Shodan balaient en permanence l'ensemble d'Internet à la recherche d'équipements industriels. Un automate ou une IHM doté d'une adresse IP publique et d'un port ouvert – Modbus, interface web ou VNC – sera repéré en quelques heures. Fin 2023, des attaquants ont pris le contrôle, dans plusieurs services d'eau, d'automates accessibles depuis Internet qui n'étaient toujours protégés que par le <b>mot de passe par défaut du fabricant</b>.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Si vous pouvez ouvrir votre IHM depuis votre téléphone sans vous connecter d'abord à un VPN, n'importe qui d'autre sur Internet le peut aussi. Demandez dès aujourd'hui à votre intégrateur de le vérifier.",
                },
            ),
            ("heading", "Accès des fournisseurs : VPN et MFA, et uniquement en cas de besoin"),
            (
                "paragraph",
                "<p>L'accès à distance au système de contrôle-commande doit passer exclusivement par un VPN ou une passerelle d'accès à distance protégés par une <b>authentification multifacteur</b> (MFA). Chaque personne dispose de son propre compte – pas d'identifiants partagés pour les fournisseurs. L'accès d'un fournisseur est ouvert pour un créneau de maintenance convenu, puis refermé aussitôt après, et chaque session est journalisée. Ne laissez pas les prestataires installer leurs propres outils d'accès à distance sur les ordinateurs OT.</p>",
            ),
            ("heading", "Séparez les réseaux IT et OT"),
            (
                "paragraph",
                "<p>Le réseau bureautique, où l'on consulte ses e-mails et navigue sur le web, doit être séparé du réseau de contrôle-commande par un pare-feu qui n'autorise que les flux réellement nécessaires. Les données qui doivent passer de l'un à l'autre, comme les rapports de mesures, doivent transiter par une zone distincte (une DMZ). Ainsi, un rançongiciel arrivé par e-mail ne peut pas atteindre le SCADA. N'utilisez <i>jamais</i> une IHM ou un poste d'ingénierie pour consulter vos e-mails ou naviguer sur le web.</p>",
            ),
            (
                "checklist",
                {
                    "title": "L'hygiène OT au quotidien",
                    "items": [
                        "Changez les mots de passe par défaut de chaque automate, IHM, routeur, modem et caméra.",
                        "Ne branchez pas de clé USB inconnue sur les ordinateurs OT ; pour transférer des fichiers, utilisez uniquement une clé dédiée et contrôlée.",
                        "Tenez à jour la liste de tous les équipements du système de contrôle-commande.",
                        "Collectez les journaux du VPN, des pare-feu et des modifications de programmes des automates, et examinez-les régulièrement.",
                        "Supprimez sans délai les comptes des anciens salariés et des anciens fournisseurs.",
                        "Installez les mises à jour après les avoir testées avec votre fournisseur ou votre intégrateur.",
                    ],
                },
            ),
            ("heading", "Connaissez vos équipements"),
            (
                "paragraph",
                "<p>On ne peut pas protéger ce dont on ignore l'existence. Pour chaque équipement, l'inventaire doit indiquer le modèle, l'emplacement, la version du micrologiciel (firmware), l'adresse réseau et la personne responsable – y compris les <b>routeurs et modems mobiles</b> des stations de pompage isolées, que l'on oublie facilement et qui sont souvent accessibles depuis Internet. Conservez les journaux de manière centralisée pendant plusieurs mois afin de pouvoir enquêter en cas d'incident.</p>",
            ),
            (
                "takeaways",
                [
                    "Aucun automate, aucune IHM ni aucun serveur SCADA ne doit être directement accessible depuis Internet.",
                    "Accès à distance uniquement par un VPN avec MFA, avec des comptes personnels et des sessions journalisées.",
                    "Séparez l'informatique de bureau et les réseaux de contrôle-commande par un pare-feu.",
                    "Mots de passe par défaut, clés USB inconnues et modems oubliés facilitent grandement la tâche des attaquants.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Un fournisseur de pompes a besoin d'un accès à distance pour modifier un programme d'automate. Quelle configuration est la plus sûre ?",
                "explanation": "Un accès par VPN avec MFA, un compte personnel et une plage horaire limitée vous permettent de maîtriser qui se connecte, quand, et ce qu'il fait.",
                "choices": [
                    {
                        "text": "Rediriger un port du routeur vers l'IHM et le protéger par un mot de passe robuste.",
                        "correct": False,
                        "feedback": "Les équipements exposés sont vite repérés et attaqués ; un mot de passe seul ne suffit pas.",
                    },
                    {
                        "text": "Passer par un VPN avec MFA et un compte personnel pour le technicien du fournisseur, l'accès n'étant ouvert que pendant le créneau de maintenance convenu.",
                        "correct": True,
                        "feedback": "Exact. L'accès est limité dans le temps et chaque session peut être tracée.",
                    },
                    {
                        "text": "Laisser le fournisseur installer un outil d'accès à distance permanent sur le poste d'ingénierie.",
                        "correct": False,
                        "feedback": "Un outil permanent et non contrôlé est une porte dérobée que les attaquants peuvent eux aussi emprunter.",
                    },
                    {
                        "text": "Donner au fournisseur l'identifiant partagé des opérateurs.",
                        "correct": False,
                        "feedback": "Avec des identifiants partagés, impossible de savoir qui a fait quoi.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Quelles mesures contribuent à bien séparer les réseaux IT et OT ? (Cochez toutes les bonnes réponses.)",
                "explanation": "Séparer les réseaux, c'est un pare-feu qui n'autorise que le trafic nécessaire, une DMZ pour les échanges de données et aucun usage bureautique des ordinateurs OT. Les mots de passe partagés et les connexions directes réduisent cette séparation à néant.",
                "choices": [
                    {
                        "text": "Un pare-feu entre le réseau bureautique et le réseau de contrôle-commande, qui n'autorise que le trafic nécessaire.",
                        "correct": True,
                        "feedback": "Exact – c'est le cœur de la séparation.",
                    },
                    {
                        "text": "Ni messagerie ni navigation web sur les IHM et les postes d'ingénierie.",
                        "correct": True,
                        "feedback": "Exact – cela supprime les voies d'infection les plus courantes.",
                    },
                    {
                        "text": "Une zone distincte (DMZ) pour échanger des données comme les rapports.",
                        "correct": True,
                        "feedback": "Exact – les données circulent sans connexion directe.",
                    },
                    {
                        "text": "Le même mot de passe administrateur sur les deux réseaux, par commodité.",
                        "correct": False,
                        "feedback": "Un mot de passe volé côté bureautique ouvrirait alors aussi le réseau de contrôle-commande.",
                    },
                    {
                        "text": "Connecter le serveur SCADA au Wi-Fi du bureau.",
                        "correct": False,
                        "feedback": "Cela relie directement le système de contrôle-commande au réseau bureautique.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Un automate est à l'abri des attaquants sur Internet si son interface web utilise un numéro de port inhabituel.",
                "is_true": False,
                "explanation": "Les outils de balayage testent tous les ports, pas seulement les ports standard. La seule approche sûre consiste à tenir les équipements de contrôle-commande à l'écart de l'Internet public.",
                "feedback_true": "Pas tout à fait. Les outils de balayage d'Internet testent tous les ports : un numéro inhabituel ne cache rien.",
                "feedback_false": "Exact. Changer de port ne protège pas un équipement exposé sur Internet.",
            },
            {
                "type": "single_choice",
                "prompt": "Un prestataire apporte une clé USB contenant un projet IHM mis à jour. Quelle est la bonne démarche ?",
                "explanation": "Les clés USB sont une voie bien connue d'introduction de logiciels malveillants dans les réseaux isolés. Contrôler les fichiers sur un ordinateur dédié et suivre la procédure de gestion des modifications réduit le risque.",
                "choices": [
                    {
                        "text": "La brancher directement sur l'IHM – le prestataire est de confiance.",
                        "correct": False,
                        "feedback": "Même un prestataire de confiance peut apporter une clé infectée sans le savoir.",
                    },
                    {
                        "text": "Contrôler les fichiers sur un ordinateur dédié doté d'un antivirus à jour, puis les transférer comme le prévoit la procédure de gestion des modifications.",
                        "correct": True,
                        "feedback": "Exact. D'abord contrôler, ensuite transférer de manière maîtrisée.",
                    },
                    {
                        "text": "L'ouvrir d'abord sur un PC de bureau pour voir ce qu'elle contient.",
                        "correct": False,
                        "feedback": "Le PC de bureau peut lui-même être infecté et transmettre un logiciel malveillant à la clé.",
                    },
                ],
            },
            {
                "type": "multiple_choice",
                "prompt": "Que doit contenir l'inventaire des équipements OT ? (Cochez toutes les bonnes réponses.)",
                "explanation": "L'inventaire doit indiquer ce qu'est chaque équipement, où il se trouve, comment il est connecté et qui en est responsable. Les mots de passe n'y ont pas leur place – et les mots de passe par défaut ne devraient plus exister du tout.",
                "choices": [
                    {
                        "text": "Le modèle et l'emplacement de l'équipement",
                        "correct": True,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "La version du micrologiciel ou du logiciel",
                        "correct": True,
                        "feedback": "Exact – elle vous permet de savoir quelles vulnérabilités vous concernent.",
                    },
                    {
                        "text": "L'adresse réseau et le type de connexion, y compris les modems mobiles",
                        "correct": True,
                        "feedback": "Exact – les modems oubliés sont un point faible fréquent.",
                    },
                    {
                        "text": "Le mot de passe par défaut de chaque équipement, en clair",
                        "correct": False,
                        "feedback": "Les mots de passe n'ont pas leur place dans l'inventaire, et les mots de passe par défaut auraient déjà dû être changés.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Les journaux des connexions VPN et des modifications de programmes des automates aident à comprendre ce qui s'est passé après un incident.",
                "is_true": True,
                "explanation": "Sans journaux, impossible de savoir qui s'est connecté, quand, ni ce qui a été modifié. Centralisez-les et conservez-les pendant plusieurs mois.",
                "feedback_true": "Exact. Les journaux sont souvent la seule trace de ce qui s'est réellement passé.",
                "feedback_false": "Pas tout à fait. Les journaux sont indispensables pour enquêter sur un incident.",
            },
        ],
    },
    "backups-and-incident-response": {
        "title": "Sauvegardes et réponse aux incidents",
        "summary": (
            "Assurez-vous que votre service d'eau peut se relever d'un rançongiciel ou d'une panne : "
            "des sauvegardes dont la restauration a réellement été testée, des copies des "
            "configurations des automates et un plan clair indiquant qui fait quoi en cas de problème."
        ),
        "body": [
            ("heading", "La règle du 3-2-1"),
            (
                "paragraph",
                "<p>Conservez au moins <b>trois copies</b> de vos données importantes, sur <b>deux types de supports différents</b>, dont <b>une copie hors site</b>. Au moins une copie doit en outre être <i>hors ligne ou immuable</i> – déconnectée ou protégée en écriture –, car les rançongiciels actuels recherchent les disques de sauvegarde connectés et les partages réseau pour les chiffrer ou les effacer en priorité.</p>",
            ),
            ("heading", "N'oubliez pas les configurations des automates et des IHM"),
            (
                "paragraph",
                "<p>Les données de facturation et de comptabilité sont généralement sauvegardées, mais le système de contrôle-commande ne l'est souvent pas. Programmes des automates, projets IHM, configuration SCADA, paramètres des équipements réseau, versions de micrologiciel et consignes n'existent parfois que sur l'ordinateur portable de l'intégrateur. Conservez votre propre copie à jour, versions antérieures comprises, stockez-la hors ligne et actualisez-la après chaque modification. Faites de la remise de ces fichiers une obligation de votre contrat de maintenance.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "Une sauvegarde que vous n'avez jamais restaurée n'est qu'un espoir. Testez régulièrement la restauration – au moins deux fois par an – et incluez-y le chargement d'un programme d'automate sur du matériel de rechange.",
                },
            ),
            ("heading", "En cas d'incident : les premiers gestes"),
            (
                "paragraph",
                "<p>Parmi les signes d'alerte : des fichiers qui ne s'ouvrent soudain plus ou qui portent une extension étrange, une demande de rançon à l'écran, des valeurs incohérentes sur l'IHM ou des consignes qui changent sans que personne n'y touche. <b>Isolez</b> les ordinateurs touchés en débranchant le câble réseau ou en coupant le Wi-Fi, mais ne les éteignez pas : la mémoire et les journaux peuvent contenir des preuves importantes. Prévenez ensuite immédiatement votre responsable des incidents.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Contacts en cas d'incident – liste à imprimer et à garder près du téléphone",
                    "items": [
                        "Votre responsable des incidents et son suppléant, avec leurs numéros de portable.",
                        "Votre prestataire informatique et votre intégrateur SCADA, avec leurs numéros d'astreinte.",
                        "Le CERT-EE, CSIRT national rattaché à l'Autorité estonienne des systèmes d'information (RIA) : cert@cert.ee.",
                        "La police, en cas d'infraction, par exemple une extorsion.",
                        "L'Office estonien de la santé (Terviseamet), si la qualité de l'eau potable risque d'être affectée.",
                        "Votre assureur, le propriétaire ou la commune, et la personne chargée de la communication avec les abonnés.",
                    ],
                },
            ),
            ("heading", "Le mode manuel comme solution de repli"),
            (
                "paragraph",
                "<p>Si l'on ne peut plus se fier au système de contrôle-commande, l'eau doit pourtant continuer à couler. Vérifiez que vous pouvez assurer le traitement et le pompage <b>en mode manuel pendant plusieurs jours</b> : procédures et consignes imprimées, personnel formé, pupitres de commande locaux en état de marche, prélèvements manuels et contrôle du dosage des réactifs, ainsi qu'un planning de roulement du personnel. Le passage en mode manuel devrait être exercé au moins une fois par an.</p>",
            ),
            ("heading", "Rançongiciel : ne payez pas – isolez, signalez, restaurez"),
            (
                "paragraph",
                "<p>Payer ne garantit ni que vous récupérerez vos données, ni que les données volées ne seront pas publiées. Cela finance d'autres activités criminelles et montre aux criminels que vous êtes une cible qui paie. Isolez les systèmes infectés, préservez les preuves et signalez l'incident au CERT-EE et à la police. Ne restaurez à partir de sauvegardes saines qu'une fois la porte d'entrée de l'attaquant identifiée et refermée, et changez tous les mots de passe. Si votre service relève de la loi estonienne sur la cybersécurité, le signalement des incidents importants à l'Autorité des systèmes d'information (RIA) est en outre une <b>obligation légale</b>.</p>",
            ),
            (
                "takeaways",
                [
                    "Appliquez la règle du 3-2-1 et gardez au moins une copie hors ligne ou immuable.",
                    "Sauvegardez les programmes des automates, les projets IHM et les paramètres réseau après chaque modification.",
                    "Testez les restaurations et entraînez-vous au mode manuel avant d'en avoir besoin.",
                    "En cas d'incident : isolez, n'éteignez pas, appelez votre responsable des incidents et signalez l'incident au CERT-EE.",
                ],
            ),
        ],
        "quiz": [
            {
                "type": "single_choice",
                "prompt": "Que signifie la règle de sauvegarde 3-2-1 ?",
                "explanation": "Avec trois copies sur deux types de supports, dont une conservée ailleurs, aucune panne, aucun incendie ni aucune attaque ne peut à lui seul détruire toutes vos données.",
                "choices": [
                    {
                        "text": "Trois copies des données, sur deux types de supports différents, dont une hors site.",
                        "correct": True,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "Trois sauvegardes par jour, conservées deux semaines sur un même serveur.",
                        "correct": False,
                        "feedback": "La fréquence compte, mais si tout se trouve sur un seul serveur, une seule panne détruit tout.",
                    },
                    {
                        "text": "Trois administrateurs, deux mots de passe et un disque de sauvegarde.",
                        "correct": False,
                        "feedback": "Cela n'a rien à voir avec la règle du 3-2-1.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Une sauvegarde n'a vraiment fait ses preuves qu'une fois que vous avez réussi à la restaurer lors d'un test.",
                "is_true": True,
                "explanation": "Une sauvegarde peut échouer sans que personne ne s'en aperçoive : fichiers manquants, support endommagé ou mot de passe oublié. Seul un test de restauration montre que la remise en service fonctionnera réellement.",
                "feedback_true": "Exact. Les sauvegardes non testées font souvent défaut précisément au moment où l'on en a besoin.",
                "feedback_false": "Pas tout à fait. Bien des organisations ne découvrent qu'au moment d'un incident que leurs sauvegardes sont impossibles à restaurer.",
            },
            {
                "type": "multiple_choice",
                "prompt": "Que doit inclure un petit service d'eau dans ses sauvegardes ? (Cochez toutes les bonnes réponses.)",
                "explanation": "Un service d'eau doit pouvoir restaurer à la fois les données bureautiques et la configuration du système de contrôle-commande. S'en remettre uniquement à l'intégrateur vous rend dépendant d'un seul ordinateur portable.",
                "choices": [
                    {
                        "text": "Les programmes des automates et les projets IHM",
                        "correct": True,
                        "feedback": "Exact – sans eux, reconstruire le système de contrôle-commande peut prendre des semaines.",
                    },
                    {
                        "text": "Les données des abonnés et de facturation",
                        "correct": True,
                        "feedback": "Exact.",
                    },
                    {
                        "text": "La configuration du pare-feu et des routeurs",
                        "correct": True,
                        "feedback": "Exact – le réseau aussi doit être reconstruit.",
                    },
                    {
                        "text": "Rien du système de contrôle-commande – l'intégrateur en garde une copie",
                        "correct": False,
                        "feedback": "La copie de l'intégrateur peut être obsolète, perdue ou indisponible au moment critique.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Un ordinateur du bureau affiche soudain une demande de rançon et des fichiers portent d'étranges nouvelles extensions. Quelle est la bonne première mesure ?",
                "explanation": "Déconnecter l'ordinateur du réseau stoppe la propagation tout en préservant les preuves en mémoire ; le responsable des incidents coordonne ensuite la suite des opérations.",
                "choices": [
                    {
                        "text": "Couper immédiatement l'alimentation de tous les ordinateurs.",
                        "correct": False,
                        "feedback": "L'extinction peut détruire les preuves présentes en mémoire. Déconnectez plutôt l'ordinateur du réseau.",
                    },
                    {
                        "text": "Déconnecter l'ordinateur du réseau et prévenir le responsable des incidents.",
                        "correct": True,
                        "feedback": "Exact. Isolez, laissez l'ordinateur allumé et donnez l'alerte.",
                    },
                    {
                        "text": "Payer rapidement la rançon pour limiter l'interruption d'activité.",
                        "correct": False,
                        "feedback": "Payer ne garantit rien et finance de nouvelles attaques.",
                    },
                    {
                        "text": "Suivre le lien figurant dans la demande de rançon pour contacter les attaquants.",
                        "correct": False,
                        "feedback": "N'entrez pas en contact avec les attaquants – laissez cela aux spécialistes et à la police.",
                    },
                ],
            },
            {
                "type": "single_choice",
                "prompt": "Le SCADA affiche des modifications de consignes que personne n'a faites, et vous ne pouvez plus vous fier au système. Que doivent faire les opérateurs ?",
                "explanation": "La continuité de la distribution et la sécurité sanitaire passent avant tout. Le passage en mode manuel selon la procédure préparée permet de maintenir l'installation en service pendant que l'on enquête sur l'incident.",
                "choices": [
                    {
                        "text": "Rester en mode automatique et attendre que le service informatique enquête.",
                        "correct": False,
                        "feedback": "Si l'on ne peut pas se fier au système, le mode automatique risque de produire une eau impropre à la consommation.",
                    },
                    {
                        "text": "Passer en mode manuel selon la procédure imprimée et contrôler plus souvent la qualité de l'eau par des mesures manuelles.",
                        "correct": True,
                        "feedback": "Exact. La distribution reste sûre pendant que l'on recherche la cause.",
                    },
                    {
                        "text": "Arrêter immédiatement toute l'installation sans prévenir personne.",
                        "correct": False,
                        "feedback": "Un arrêt non coordonné peut lui-même interrompre la distribution – suivez le plan et informez le responsable des incidents.",
                    },
                ],
            },
            {
                "type": "true_false",
                "statement": "Payer la rançon garantit que vous récupérerez vos données et qu'elles ne seront pas publiées.",
                "is_true": False,
                "explanation": "Souvent, les criminels ne fournissent pas de clé de déchiffrement qui fonctionne, publient quand même les données ou reviennent avec de nouvelles exigences. Les autorités déconseillent de payer.",
                "feedback_true": "Pas tout à fait. Il n'y a aucune garantie – et payer fait de vous la cible de nouvelles attaques.",
                "feedback_false": "Exact. Payer ne garantit rien et finance d'autres activités criminelles.",
            },
        ],
    },
}

PROGRAMMES = {
    "water-industry-sme-cyber-resilience-estonia": {
        "title": "Programme de cyberrésilience pour les PME du secteur de l'eau",
        "intro": (
            "<p>Ce programme de développement de l'Autorité estonienne des systèmes d'information "
            "(RIA) aide les petits services d'eau potable et les exploitants d'assainissement à "
            "protéger des services dont la population dépend au quotidien. Les attaques contre le "
            "secteur de l'eau se multiplient, et les petits exploitants sont souvent les cibles les "
            "plus faciles.</p>"
            "<p>Les quatre modules portent sur l'hameçonnage visant le personnel des services d'eau, "
            "l'accès à distance sécurisé aux systèmes de contrôle-commande, les sauvegardes et la "
            "réponse aux incidents, ainsi que les mots de passe robustes associés à "
            "l'authentification multifacteur. Chacun dure de 10 à 15 minutes et se termine par un "
            "court quiz.</p>"
        ),
        "audience": (
            "Personnel, responsables et opérateurs des petites et moyennes entreprises d'eau potable "
            "et d'assainissement en Estonie, ainsi que leurs partenaires informatiques et en "
            "automatisme."
        ),
    },
}
