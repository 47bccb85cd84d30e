"""The Gatineau plenary (27-29 October 2004) as demo data: its decisions in various translation states, the
deadlines it set, the bodies it mandated. Summaries in our own words from the final communiqué (seed); the
translations are the demo's own."""

from __future__ import annotations

import datetime as dt

D = dt.date

# number -> (kind, {language: (title, text)}, {language: date made available}, adopted on)
DECISIONS = {
    "2004-GAT-01": ("decision", {
        "en": ("Maximum validity of Kimberley Process Certificates",
               "A Kimberley Process Certificate is valid for at most sixty calendar days from its date of issue."),
        "fr": ("Durée de validité maximale des certificats du Processus de Kimberley",
               "Un certificat du Processus de Kimberley est valable au plus soixante jours civils à compter de sa "
               "date de délivrance."),
        "pt": ("Validade máxima dos certificados do Processo de Kimberley",
               "Um certificado do Processo de Kimberley é válido por no máximo sessenta dias corridos a partir da "
               "data de emissão."),
        "es": ("Validez máxima de los certificados del Proceso de Kimberley",
               "Un certificado del Proceso de Kimberley es válido durante un máximo de sesenta días naturales a "
               "partir de su fecha de expedición."),
        "ru": ("Максимальный срок действия сертификатов Кимберлийского процесса",
               "Сертификат Кимберлийского процесса действителен не более шестидесяти календарных дней с даты "
               "выдачи."),
    }, {"en": D(2004, 11, 15), "fr": D(2004, 11, 22), "pt": D(2004, 11, 30), "es": D(2004, 11, 30),
        "ru": D(2004, 12, 6)}, D(2004, 12, 10)),
    "2004-GAT-02": ("decision", {
        "en": ("Technical guideline on the confirmation of imports of rough diamonds",
               "The importing authority confirms the receipt of each shipment to the exporting authority, quoting "
               "the certificate number, the number of parcels, the carat weight, the importer and the exporter."),
        "fr": ("Directive technique sur la confirmation des importations de diamants bruts",
               "L'autorité importatrice confirme la réception de chaque envoi à l'autorité exportatrice en indiquant "
               "le numéro du certificat, le nombre de colis, le poids en carats, l'importateur et l'exportateur."),
        "es": ("Directriz técnica sobre la confirmación de las importaciones de diamantes en bruto",
               "La autoridad importadora confirma la recepción de cada envío a la autoridad exportadora, indicando "
               "el número del certificado, el número de paquetes, el peso en quilates, el importador y el "
               "exportador."),
        "pt": ("Diretriz técnica sobre a confirmação das importações de diamantes brutos",
               "A autoridade importadora confirma a receção de cada remessa à autoridade exportadora, indicando o "
               "número do certificado, o número de volumes, o peso em quilates, o importador e o exportador."),
    }, {"en": D(2004, 11, 15), "fr": D(2004, 11, 22), "es": D(2004, 12, 1)}, None),
    "2004-GAT-03": ("decision", {
        "en": ("Technical guideline: definition of diamond powder",
               "Diamond powder (HS 7105) is not a rough diamond under the scheme and travels without a certificate."),
        "fr": ("Directive technique : définition de la poudre de diamant",
               "La poudre de diamant (SH 7105) n'est pas un diamant brut au sens du système et circule sans "
               "certificat."),
        "pt": ("Diretriz técnica: definição de pó de diamante",
               "O pó de diamante (SH 7105) não é um diamante bruto no âmbito do sistema e circula sem certificado."),
        "es": ("Directriz técnica: definición de polvo de diamante",
               "El polvo de diamante (SA 7105) no es un diamante en bruto en el sentido del sistema y circula sin "
               "certificado."),
        "ru": ("Техническое руководство: определение алмазного порошка",
               "Алмазный порошок (ТН ВЭД 7105) не является необработанным алмазом в смысле системы и перемещается "
               "без сертификата."),
    }, {"en": D(2004, 11, 15), "fr": D(2004, 11, 22), "pt": D(2004, 11, 30), "es": D(2004, 11, 30)}, None),
    "2004-GAT-04": ("decision", {
        "en": ("Technical guideline: definition of \"country of origin\"",
               "The country of origin of rough diamonds is the country where they were mined or extracted."),
        "fr": ("Directive technique : définition du « pays d'origine »",
               "Le pays d'origine des diamants bruts est le pays où ils ont été extraits."),
    }, {"en": D(2004, 11, 15)}, None),
    "2004-GAT-05": ("decision", {
        "en": ("Framework for the three-year review of the certification scheme",
               "An ad hoc working group chaired by the Chair develops options for the review for the 2005 "
               "plenary and reports its findings and recommendations before 31 July 2006."),
        "fr": ("Cadre de l'examen triennal du système de certification",
               "Un groupe de travail ad hoc présidé par la présidence élabore des options pour l'examen en vue de la "
               "plénière de 2005 et rend compte de ses conclusions et recommandations avant le 31 juillet 2006."),
        "pt": ("Quadro da revisão trienal do sistema de certificação",
               "Um grupo de trabalho ad hoc presidido pela presidência elabora opções para a revisão para a plenária "
               "de 2005 e apresenta as suas conclusões e recomendações antes de 31 de julho de 2006."),
        "es": ("Marco del examen trienal del sistema de certificación",
               "Un grupo de trabajo ad hoc presidido por la presidencia elabora opciones para el examen de cara al "
               "plenario de 2005 e informa de sus conclusiones y recomendaciones antes del 31 de julio de 2006."),
        "ru": ("Рамки трехлетнего обзора системы сертификации",
               "Специальная рабочая группа под руководством Председателя готовит варианты обзора к пленарному "
               "заседанию 2005 года и представляет выводы и рекомендации до 31 июля 2006 года."),
    }, {"en": D(2004, 11, 15), "fr": D(2004, 11, 22), "pt": D(2004, 11, 30), "es": D(2004, 11, 30),
        "ru": D(2004, 12, 6)}, None),
    "2004-GAT-06": ("administrative", {
        "en": ("Revised terms of reference of the Participation Committee",
               "The committee advises the Chair on non-compliance and on applications; the Vice-Chair sits on it; "
               "it is chaired by the outgoing Chair."),
        "fr": ("Mandat révisé du Comité de participation",
               "Le comité conseille la présidence sur les cas de non-conformité et sur les candidatures ; la "
               "vice-présidence y siège ; il est présidé par la présidence sortante."),
        "pt": ("Mandato revisto do Comité de Participação",
               "O comité aconselha a presidência sobre incumprimentos e candidaturas; a vice-presidência integra-o; "
               "é presidido pela presidência cessante."),
        "es": ("Mandato revisado del Comité de Participación",
               "El comité asesora a la presidencia sobre incumplimientos y solicitudes; la vicepresidencia forma "
               "parte de él; lo preside la presidencia saliente."),
        "ru": ("Пересмотренный мандат Комитета по участию",
               "Комитет консультирует Председателя по вопросам несоблюдения и по заявкам; в него входит "
               "заместитель Председателя; его возглавляет уходящий Председатель."),
    }, {"en": D(2004, 11, 15), "fr": D(2004, 11, 15), "pt": D(2004, 11, 15), "es": D(2004, 11, 15),
        "ru": D(2004, 11, 15)}, D(2004, 11, 20)),
}

# name -> (kind, chair, members, parent, mandate, established by)
BODIES = [
    ("Working Group on Monitoring", "working_group", "EU", ["CA", "ZA", "RU", "BW", "CSC", "WDC"], None,
     "Peer review: invitations, the expert roster and the schedule of review visits and missions.", None),
    ("Working Group on Statistics", "working_group", "CA", ["EU", "RU", "BW", "IN", "WDC"], None,
     "Statistics: analysis, completeness and timeliness; study of national methodologies and valuation.", None),
    ("Working Group of Diamond Experts", "working_group", None, ["EU", "ZA", "IL", "IN", "WDC"], None,
     "Technical issues: HS classification, diamond powder, country of origin, valuation methods.", None),
    ("Ad hoc Working Group on the Review of the KPCS", "ad_hoc", "CA", ["RU", "BW", "EU", "ZA", "CSC", "WDC"], None,
     "Develop options for the three-year review for the 2005 plenary and report before 31 July 2006.",
     "2004-GAT-05"),
    ("Ad hoc sub-group on alluvial production", "sub_group", None, ["SL", "CD", "AO", "GN", "GY", "BR"],
     "Working Group on Monitoring",
     "Challenges of alluvial producers and exchange of best practice; report to the 2005 plenary.", None),
]

# (title, due, owner role, owner participant, owner body, decision)
DEADLINES = [
    ("Statistical reports of the Russian Federation for 2004 (Sections IV(e), V(b), Annex III)", D(2004, 12, 31),
     "", "RU", None, None),
    ("Options for the three-year review process, for the 2005 plenary", D(2005, 10, 31), "secretariat_admin", None,
     "Ad hoc Working Group on the Review of the KPCS", "2004-GAT-05"),
    ("Report of findings and recommendations of the three-year review", D(2006, 7, 31), "secretariat_admin", None,
     "Ad hoc Working Group on the Review of the KPCS", "2004-GAT-05"),
    ("Report of the ad hoc sub-group on alluvial production to the 2005 plenary", D(2005, 10, 31),
     "review_coordinator", None, "Ad hoc sub-group on alluvial production", None),
    ("Options on national methodologies for certificate-based statistics, for the 2005 plenary", D(2005, 10, 31),
     "wgs_analyst", None, "Working Group on Statistics", "2004-GAT-01"),
    ("Translations of the Gatineau decisions into the five official languages", D(2005, 1, 31),
     "secretariat_admin", None, None, None),
]

# year -> [(member, chairs the committee)]; 2006 is a draft that breaks the terms of reference.
COMMITTEE = {
    2005: [("CA", True), ("BW", False), ("RU", False), ("EU", False), ("ZA", False), ("US", False), ("IN", False),
           ("WDC", False), ("CSC", False)],
    2006: [("RU", True), ("BW", False), ("ZA", False), ("US", False), ("CA", False), ("IN", False), ("AO", False),
           ("NA", False), ("WDC", False)],
}
