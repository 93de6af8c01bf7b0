"""Word lists for finding organisations and people in English and French news (see ``names.py``).

Typed here because no kept library ships them for both languages: the words that make a name an
organisation's ("Agency", "ministère"), the titles that announce a person ("Gen.", "amiral"), common
first names of the alliance's press, well-known bodies that carry no such word (NATO, Reuters, Thales),
and the capitalised words and acronyms that are neither (months, technologies, sentence openers).
"""

from __future__ import annotations

from pathlib import Path

from lodestar.engine.reading.known_orgs import KNOWN


def _set(text: str) -> frozenset[str]:
    # A line break inside an entry is a space ("Boston\nDynamics" is one name): entries end with a comma.
    return frozenset(" ".join(w.split()) for w in text.split(",") if w.strip())


# A capitalised name holding one of these words is an organisation's.
ORG_WORDS = _set("""
Agency, Ministry, Department, Command, Centre, Center, Laboratory, Laboratories, Lab, Labs, Institute,
University, College, School, Fund, Ventures, Capital, Partners, Group, Systems, Technologies, Technology,
Robotics, Aerospace, Corporation, Corp, Inc, Ltd, Limited, LLC, GmbH, SA, SAS, AG, plc, Council, Committee,
Commission, Office, Directorate, Force, Forces, Army, Navy, Corps, Marines, Guard, Accelerator,
Partnership, Alliance, Organisation, Organization, Association, Foundation, Bank, Authority,
Administration, Bureau, Board, Media, News, Times, Post, Journal, Telegraph, Guardian, Herald, Tribune,
Research, Dynamics, Industries, Industry, Electronics, Energy, Space, Labs, Security, Intelligence,
Service, Services, Consortium, Agence, Direction, Commandement, Ministère, Université, École, Ecole,
Institut, Comité, Conseil, Secrétariat, Délégation, Organisation, Office, Pôle, Laboratoire, Armée,
Marine, Gendarmerie, Cour, Parlement, Sénat, Assemblée, Groupe, Société, Fondation, Banque, Autorité,
Accélérateur, Agenzia, Ministerium, Bundeswehr, Airlines, Motors, Networks, Solutions, Telecom,
Telekom, Communications, Instruments, Analytics, Software, Microsystems, Semiconductor, Dynamics,
Academy, Académie, Observatory, Observatoire, Federation, Fédération, Holdings, Holding,
Enterprises, Company, Compagnie, Aviation, Shipyards, Regiment, Régiment, Brigade, Battalion, Bataillon,
Squadron, Escadron, Escadrille, Fleet, Flotte, Unit, Unité, Staff, Police, Parliament, Senate, Incubator,
Incubateur, Institution, Agencies, Ministries, Consulting, Engineering, Ingénierie
""")
# Legal forms ("Acme Widgets Co.", "Vantor S.A.", "Nordvik AB") and company words, French ones too
# ("Sentinelle Systèmes", "Chantiers X"; "Works": "Bath Iron Works").
ORG_WORDS |= _set("""
Co, S.A, SpA, S.p.A, Srl, S.r.l, NV, N.V, BV, B.V, AB, ASA, Oy, Oyj, KG, SARL, Sarl, SASU, Pty, PLC, Plc,
Incorporated, LLP, Ltée, Gmbh, Works, Shipbuilding, Systèmes, Industrie, Électronique, Electronique,
Aéronautique, Aérospatiale, Laboratoires, Chantiers, Constructions, Ateliers, Robotique, Technologie,
Therapeutics, Pharmaceuticals, Biosciences, Semiconductors, Microelectronics, Optronics, Avionics
""")
# Heads that take "of" and a name in a body's name ("Ministry of Defence", "University of Oxford"); after
# other words "of X" says where the body is from ("Team X of Tulsa").
OF_HEADS = _set("""
Ministry, Department, University, Universities, Institute, College, School, Academy, Bank, Office, Agency,
Council, Committee, Commission, Directorate, Federation, Board, Corps, Chamber, Court, League, Union,
Society, Association, Organisation, Organization, Command, Centre, Center, Laboratory, Laboratories,
Government, House, Bureau, Administration, Authority, Division, Branch, Service, Services, Staff, Order,
Church, Museum, Foundation, Institution, Fund, Trust, Parliament, Assembly, Republic, Kingdom, State,
States, Secretary, Minister, Chief, Head, Commander, Chiefs, Friends, Alliance, Coalition, Network,
Conference, Congress, Group, Force, Forces, Army, Navy, Port, City, Province, County, Isle, Gulf, Bay,
Cape, Sea, Lake, Mount, Duke, Prince, Princess, Earl, Lord, Lady, Mayor, Governor
""")
# French bodies are written in lower case after their head word: "ministère des Armées", "armée de terre".
FRENCH_HEADS = _set("""
ministère, agence, direction, commandement, armée, état-major, comité, centre, conseil, secrétariat,
service, délégation, université, école, institut, office, département, organisation, pôle,
laboratoire, accélérateur, marine, commission, fondation, autorité, observatoire
""")
# Well-known bodies whose names hold no organisation word. The second list (round three) adds bodies,
# companies and news outlets of the alliance's field from general knowledge, without ambiguous words
# ("Total", "Arm", "Planet") and without the bench's source sites (its README lists them).
KNOWN_ORGS = _set("""
NATO, Nato, OTAN, Otan, EU, UE, DARPA, Darpa, Pentagon, Reuters, AFP, Google, Microsoft, IBM, Amazon,
Apple, Meta, Facebook, Twitter, OpenAI, Nvidia, Intel, Airbus, Thales, Safran, Naval Group, MBDA,
Dassault, Dassault Aviation, Huawei, ZTE, Palantir, CIA, NSA, FBI, DGA, DGSI, DGSE, SGDSN, AID, Dstl,
MoD, MOD, DoD, DOD, Royal Navy, British Army, US Army, ArianeGroup, Arianespace, Sputnik, Bloomberg,
Le Monde, Le Figaro, Les Echos, La Tribune, Ouest-France, Libération, Challenges, Commission, Boston
Dynamics, Raytheon, Lockheed Martin, Boeing, Northrop Grumman, General Dynamics, BAE Systems, Leonardo,
Rheinmetall, KNDS, Nexter, CNRS, CEA, ONERA, Onera, Inria, In-Q-Tel, SpaceX, Starlink, Eutelsat, OneWeb,
Deutsche Telekom, Orange, Ericsson, Nokia, Saab, Kongsberg, Hensoldt, Diehl, Elbit, Rafael, Anduril,
Shield AI, Helsing, Quantum Systems, Tekever, Baykar, CSRA, Comcyber, COMCYBER, AMIAD, DIANA, NIF, ESA,
CNES, NASA, Europol, Interpol, UN, ONU, OSCE, IAEA, AIEA, Frontex, ENISA, EDA, AED, Gizmodo, TF1,
TF1info, BFMTV, CNN, BBC, Politico, Nextgov, Wired, AP, Associated Press, Belga, dpa, Kyodo, Xinhua,
TASS, RIA Novosti, Yonhap, Interfax, US News, Fortune, Forbes, Axios, Defense News, Janes, Jane's
""") | _set("""
Allied Command Transformation, Allied Command Operations, SHAPE, NCIA, NSPA, CCDCOE, United Nations,
Nations unies, World Bank, IMF, FMI, OECD, OCDE, WHO, OMS, European Commission, Commission européenne,
European Parliament, Parlement européen, EEAS, SEAE, EIB, BEI, EUSPA, SatCen, Eurojust, Bundestag,
BAAINBw, BSI, SPRIND, SprinD, Fraunhofer, Max Planck, TNO, DLR, INRIA, Inserm, INSERM, ANSSI, DRM, DRSD,
Bpifrance, Marine nationale, Armée de l'air, Armée de l’air, NIST, DIU, AFRL, ONR, DTRA, IARPA, NRO,
NGA, DISA, SOCOM, CENTCOM, INDOPACOM, EUCOM, CYBERCOM, JAIC, CDAO, NOAA, DHS, CISA, GAO, RAND, MITRE,
Brookings, CSIS, IISS, RUSI, SIPRI, GCHQ, MI5, MI6, DASA, UKRI, RAF, Royal Air Force, QinetiQ, Babcock,
Rolls-Royce, Vodafone, SBU, GUR, FSB, GRU, SVR, Rosatom, Rostec, Roscosmos, Rosoboronexport,
Almaz-Antey, Uralvagonzavod, NORINCO, Norinco, AVIC, CASC, CASIC, CETC, Aselsan, Roketsan,
Ukroboronprom, Thales Alenia Space, Arquus, Sopra Steria, Atos, Capgemini, OVHcloud, Alstom, EDF,
TotalEnergies, Engie, Pasqal, Quandela, Mistral AI, Preligens, Unseenlabs, Exail, iXblue, ECA Group,
Anthropic, DeepMind, Google DeepMind, Alphabet, Oracle, Salesforce, Cisco, Qualcomm, AMD, TSMC, Samsung,
SK Hynix, Tencent, Alibaba, Baidu, ByteDance, TikTok, Xiaomi, Lenovo, Hikvision, DJI, Skydio,
AeroVironment, Kratos, L3Harris, Textron, Honeywell, General Electric, Leidos, SAIC, Booz Allen Hamilton,
CACI, Accenture, Deloitte, McKinsey, KPMG, PwC, Rocket Lab, Blue Origin, Maxar, Iceye, ICEYE,
Rigetti, IonQ, D-Wave, Quantinuum, PsiQuantum, Xanadu, Scale AI, Cohere, Hugging Face, Stability AI,
Aleph Alpha, Milrem, Nammo, Fincantieri, Navantia, Indra, Thyssenkrupp, TKMS, Krauss-Maffei Wegmann,
Embraer, Bombardier, Hanwha, Hyundai Rotem, Mitsubishi Heavy Industries, Fujitsu, Toshiba, Hitachi,
Israel Aerospace Industries, New York Times, The New York Times, Washington Post, The Washington Post,
Wall Street Journal, The Wall Street Journal, The Economist, CNBC, NBC, CBS, NPR, Breaking Defense,
Aviation Week, FlightGlobal, TechCrunch, The Verge, Ars Technica, Popular Mechanics, Le Parisien,
L'Express, L’Express, Le Point, L'Opinion, L’Opinion, Mediapart, franceinfo, France Info, France 24,
JDD, Europe 1, RTL, BFM, Marianne, L'Usine nouvelle, L’Usine nouvelle, Mer et Marine, Der Spiegel,
Die Welt, Handelsblatt, Frankfurter Allgemeine, El País, Corriere della Sera, ANSA, EFE, PAP
""")
KNOWN_ORGS |= KNOWN  # the gazetteer (known_orgs.txt): several hundred more, from general knowledge
# Capitalised words that open a sentence or name something else: never a whole name on their own.
NOT_NAMES = _set("""
The, A, An, This, That, These, Those, It, Its, In, On, At, For, With, By, From, As, But, And, Or, If,
When, While, After, Before, Since, During, Under, Over, According, However, Also, Yet, Now, Today,
Le, La, Les, L, Un, Une, Des, Du, De, Ce, Cette, Ces, Il, Elle, Ils, Elles, On, En, Au, Aux, Pour, Par,
Dans, Sur, Avec, Selon, Depuis, Après, Avant, Mais, Et, Ou, Si, Lors, Alors, Ainsi, Comme, Pendant,
Parmi, Cet, Son, Sa, Ses, Leur, Leurs, Nous, Vous, Je, Qui, Que, Quand, Où, Là, Ici, Déjà, Aujourd,
Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, Lundi, Mardi, Mercredi, Jeudi,
Vendredi, Samedi, Dimanche, January, February, March, April, May, June, July, August, September,
October, November, December, Janvier, Février, Mars, Avril, Mai, Juin, Juillet, Août, Septembre,
Octobre, Novembre, Décembre, AI, IA, UAV, UAVs, UAS, USV, USVs, UGV, AUV, GPS, CEO, CTO, R&D, PDG, PhD,
ISR, IT, TV, PDF, HTML, URL, OK, NB, PS, DNA, ADN, CO2, GES, EDT, LEO, GEO, MEO, SATCOM, C2, C4ISR, USB,
ICBM, ABM, IRBM, SRBM, EMP, EW, UN, VIP, FAQ, Photo, Credit, Crédit, Copyright, Read, Lire, Voir, See,
Image, Source, Sources, PME, PMEs, SME, SMEs, ETI, LLM, LLMs, ENR, FDI, HGV, AM, JEDI, ARPANET, VMAX,
MinArm, Nous, Notre, Our, We, They, He, She, His, Her,
UUV, UUVs, UGVs, AUVs, UCAV, RPAS, MALE, HALE, VTOL, eVTOL, BVLOS, HGVs, HCM, SLBM, MIRV, ASAT, SSA,
GNSS, PNT, LIDAR, Lidar, SAR, QKD, PQC, IoT, ML, NLP, GPU, GPUs, CPU, HPC, AR, VR, XR, RF, IR, HEL, HPM,
DEW, CBRN, IED, IEDs, SIGINT, OSINT, HUMINT, GEOINT, SDR, MEMS, FPGA, API, APIs, SaaS, LTE, DDoS, VPN,
GDP, PIB, TVA, VAT, COVID, Covid, mRNA, ARNm, CRISPR, GMO, OGM, MBA, USD, EUR, GBP, HT, TTC, RGPD, GDPR,
LPM, BITD, OPEX, Opex, IA, IAG, AGI, KI, UAVs, C-UAS, CUAS, ISTAR, ATM, UTM, ESG, RSE, ROI, IPO, B2B,
Mr, Mrs, Ms, Dr, Prof, Gen, Col, Lt, Sgt, Adm, Capt, M, Mme, Mlle, Me, SEM,
Datuk, Datin, Dato, Seri, MoA, MOA, LoA, LOA, LoI, MoC, MP, MPs, MEP, MEPs, MSP, MSPs, MLA, MLAs, PM,
Two, Three, Four, Five, Six, Eight, Nine, Ten, Several, Many, Some, Most, Both, Each, Every, Few, Dozens,
Hundreds, Thousands, KRW, JPY, CNY, RMB, INR, Rs, FCFA, CFA, CHF, AUD, NZD, SEK, NOK, DKK, PLN, HUF, CZK,
RUB, UAH, ZAR, NGN, KES, GHS, BRL, MXN, SGD, HKD, AED, ILS
""")
# Acronyms of weapon systems, programmes, contracts, units of measure, markets and office words that news
# of the field writes in capitals and that name no body (general knowledge, English and French).
NOT_NAMES |= _set("""
HIMARS, ATACMS, GMLRS, MLRS, JASSM, LRASM, AMRAAM, NASAMS, THAAD, MANPADS, SHORAD, IAMD, C-RAM, FPV, FPVs,
AWACS, JSTARS, SEAD, DEAD, LAWS, SAM, SAMs, IFV, IFVs, APC, APCs, MBT, MBTs, CAESAR, VBCI, VBMR, VAB,
SCAF, FCAS, GCAP, MGCS, NGAD, NGWS, JADC2, CJADC2, ABMS, FREMM, FDI, SNLE, SNA, OPV, MRTT, SCORPION,
MW, GW, kW, KW, MWh, GWh, kWh, TWh, EV, EVs, S&P, FTSE, CAC, DAX, RAM, SSD, EO, NTN, WMD, ICBMs, STEM,
KPI, KPIs, PaaS, IaaS, COTS, TRL, MVP, POC, PoC, NDA, RFP, RFI, RFQ, IDIQ, OTA, SBIR, STTR, BAA, MOU,
MoU, LOI, FMS, NDAA, ITAR, Q1, Q2, Q3, Q4, H1, H2, FY, CFO, COO, CISO, VP, SVP, EVP, HQ, UTC, GMT, CET,
ET, PST, EST, TPE, MCO, RETEX, ETP, CDI, CDD, IHM, OIV, TIC, NTIC, TNT, SUV, SUVs, OEM, OEMs, NFT,
SLAM, ROS, SWaP, HMI, IFF, ADS-B, AIS, INS, IMU, RTK, UWB, MIMO, OFDM, VSAT, HF, VHF, UHF, SHF, EHF, LPI,
LPD, AESA, PESA, ISAR, GMTI, SWIR, MWIR, LWIR, CUI, TTPs, C5ISR, C4I, BMS, CIWS, RWS, ATGM, ATGMs, APS,
MRAP, JLTV, AMPV, OMFV, STOL, STOVL, AAM, UAM, GenAI, RAG, GAN, GANs, SoC, ASIC, ASICs, QPU, NISQ,
QRNG, HSM, PKI, MFA, SIEM, EDR, XDR, APT, APTs, CVE, CVEs, ZTA, ICS, SCADA, SBOM, DevOps, DevSecOps, OSS,
ERP, CRM, HR, RH, TCO, CAPEX, Capex, EBITDA, M&A, VC, VCs, LP, LPs, SPAC, SPV, CSR, NGO, NGOs, ONG, ONGs,
DRH, DSI, DAF, COMEX, CODIR, Vice, Jusqu’ici, Jusqu'ici, Jusqu’alors, Jusqu'alors, Aujourd’hui, Aujourd'hui,
CA, SI, R&T, R&D, GEO, LEO, MEO, IDIQ, OTA, Ala, Ariz, Calif, Colo, Conn, Fla, Mass, Mich, Minn, Neb, Nev,
Okla, Tenn, Tex, Wis, Wyo
""")
# Bylines and page rubrics that French (and English) news pages print in capitals ("PAR JEAN DUPONT",
# "DSI - SOMMAIRE", "EXCLUSIF"): the words of the page's furniture, not acronyms of bodies.
NOT_NAMES |= _set("""
PAR, BY, DR, SOMMAIRE, EXCLUSIF, EXCLUSIVE, ENTRETIEN, INTERVIEW, ANALYSE, ANALYSIS, TRIBUNE, REPORTAGE,
DOSSIER, ENQUÊTE, ENQUETE, DÉCRYPTAGE, DECRYPTAGE, ÉDITO, EDITO, ÉDITORIAL, EDITORIAL, PORTRAIT,
INFOGRAPHIE, VIDÉO, VIDEO, PHOTOS, ACTUALITÉ, ACTUALITÉS, ACTUALITE, ACTUALITES, URGENT, ALERTE, DIRECT,
ABONNÉS, ABONNES, PREMIUM, OPINION, OPINIONS, CHRONIQUE, FOCUS, ÉCLAIRAGE, RÉCIT, LIVE, UPDATE, UPDATED,
BREAKING, FEATURE, COMMENTAIRE, SYNTHÈSE, BRÈVE, BRÈVES, LIRE, AUSSI, PUBLICITÉ, PUBLICITE
""")
# French weapon systems whose names open a chain ("ses Rafale Marine", "le Tigre HAD"): products, never
# a body's name, though "Marine" or an acronym follows them.
# Software and devices whose names are written in camel case, like a company's ("les plus beaux
# PowerPoint", "ChatGPT"): products, not bodies.
NOT_NAMES |= _set(
    "PowerPoint, ChatGPT, iPhone, iPhones, iPad, iPads, iPod, iMac, MacBook, AirPods, PlayStation, JavaScript"
)
# Past participles that open a French news sentence before the body or person they describe ("Contacté,
# Airbus n'a pas commenté", "Sollicitée par l'AFP, la DGA..."), with their feminine and plural forms.
NOT_NAMES |= {
    stem + ending
    for stem in _set(
        "Contacté, Interrogé, Sollicité, Joint, Questionné, Consulté, Interviewé, Approché, Invité, Cité, "
        "Saisi, Interpellé, Relancé, Averti, Informé, Prévenu, Alerté, Mandaté, Chargé, Nommé, Désigné, "
        "Épinglé"
    )
    for ending in ("", "e", "s", "es")
}
# French words that open a sentence ("Pourquoi la DGA accélère", "Malgré le Brexit", "Côté Thales"):
# capitalised there, they join the name after them through "la", "le", "de"; never a name themselves.
NOT_NAMES |= _set("""
Pourquoi, Comment, Combien, Quel, Quelle, Quels, Quelles, Désormais, Ensuite, Enfin, Toutefois, Cependant,
Pourtant, Néanmoins, Outre, Face, Grâce, Malgré, Contrairement, Concernant, Côté, Chez, Vers, Entre, Sans,
Sous, Contre, Dès, Hier, Demain, Aussi, Puis, Donc, Car, Voici, Voilà, Certes, Bref, Surtout, Notamment,
Mieux, Reste, Autre, Autres, Chaque, Plusieurs, Tous, Toutes, Tout, Toute, Lorsque, Puisque, Tandis, Dont,
Lequel, Laquelle, Celui, Celle, Ceux, Celles, Cela, Ceci, Seul, Seule, Même, Très, Plus, Moins, Bien,
Encore, Jamais, Toujours, Parfois, Souvent, Ailleurs, Objectif, Résultat, Problème, Conséquence, Preuve,
Bilan, Question, Réponse, Sauf, Hormis, Auprès, Afin, Près, Loin, Durant, Via, Parce
""")
# "le Président de la République": the words of a title; the French state is a nation, not a body.
NOT_NAMES |= _set("République")
# Times, not names: "Last May", "Early March", "Next Monday".
NOT_NAMES |= {
    f"{when} {day}"
    for when in ("Last", "Next", "This", "Early", "Late", "Mid")
    for day in _set(
        "January, February, March, April, May, June, July, August, September, October, November, December, "
        "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday"
    )
}
# Technical acronyms of things, never bodies: solar PV, an IP address, a SOC, attack submarines (SSN).
NOT_NAMES |= _set("PV, IP, SOC, SSN, SSBN, SSGN, ROV, CTF, MRO, OT, RCS, IOT, SF")
# Kinds of firms, written as acronyms: "MSMEs", "les PME".
NOT_NAMES |= _set("SME, SMEs, MSME, MSMEs, PME, PMEs, ETI, ETIs, TPE, TPEs, OEM, OEMs")
# Months written short, a dateline's ("Feb. 19, 2014"); "Jan" stays a first name.
NOT_NAMES |= _set("Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec")
# Time zones after a time: "10:01 PM IST".
NOT_NAMES |= _set("IST, CEST, PDT, BST, JST, MSK, CST, CDT, AEST, HKT, SGT")
# Adverbs that open a sentence, capitalised there: "Maintenant, l’agence ...", "Meanwhile, X".
NOT_NAMES |= _set("""
Maintenant, Actuellement, Auparavant, Concrètement, Parallèlement, Justement, Autrement, Finalement,
Également, Egalement, Meanwhile, Moreover, Furthermore, Nevertheless, Still, Instead, Indeed, Additionally
""")
WEAPON_SYSTEMS = _set(
    "Rafale, Mirage, Tigre, Caracal, Caïman, Leclerc, Griffon, Serval, Exocet, Scalp, Barracuda, Carl Gustaf"
)
NOT_NAMES |= WEAPON_SYSTEMS
# Words of a role inside a chain ("NATO Secretary General Jens Stoltenberg"): the body before, the person
# after. French roles too ("Secrétaire Général Adjoint", "Représentant permanent").
ROLE_WORDS = _set("""
Secretary, General, Commander, Chief, Officer, Director, Minister, President, Head, Chairman, Chair,
CEO, Spokesman, Spokesperson, Premier, Admiral, Gen., Gen, Deputy, Assistant, Supreme, Ambassador, Founder,
Professor, Prof., Dr, Dr., Mr, Mr., Mrs, Ms, Colonel, Col., Lt., Lieutenant, Captain, Capt., Major,
Sgt., Sergeant, Headquarters, HQ, Advisor, Adviser, Spokeswoman, Correspondent, Editor, Analyst,
Secrétaire, Général, Adjoint, Adjointe, Directeur, Directrice, Président, Présidente, Ministre,
Représentant, Représentante, Ambassadeur, Commandant, Chef, PDG, CTO, CFO, COO, DG, Conseiller, Conseillère
""")
# Words of a photo credit: the name after one is the credit's own ("Photo Reuters", "Copyright AFP").
CREDITS = _set("Copyright, Photo, Photos, Crédit, Crédits, Credit, Credits, Source, ©")
# Titles and ranks that announce a person's name.
TITLES = _set("""
Mr, Mrs, Ms, Dr, Prof, Professor, Gen, General, Lt, Lieutenant, Col, Colonel, Maj, Major, Capt, Captain,
Adm, Admiral, Rear Admiral, Vice Admiral, Air Marshal, Air Chief Marshal, Commodore, Commander, Sgt,
Sergeant, Brigadier, President, Prime Minister, Minister, Secretary, Senator, Sen, Rep, Chancellor,
Ambassador, Director, Chief, CEO, founder, Mgr, M, Mme, Mlle, Me, général, amiral, colonel, capitaine,
commandant, lieutenant, professeur, docteur, président, présidente, ministre, secrétaire, directeur,
directrice, ambassadeur, sénateur, député, députée, chef, SEM, Sir, Dame, Lord, Lady, King, Queen,
Pope, Emperor, Marshal, Inspector, adjudant, adjudant-chef, sergent, sergent-chef, caporal, caporal-chef,
aspirant, matelot, quartier-maître, maître, major, brigadier-chef, médecin-chef, lieutenant-colonel,
capitaine de frégate, capitaine de vaisseau, capitaine de corvette, contre-amiral, vice-amiral
""")
# Words that follow a name to say it is a person's ("Name said", "Name a déclaré").
SPEECH = _set(
    "said, says, told, added, explained, noted, wrote, declared, announced, a déclaré, a dit, "
    "a expliqué, a ajouté, a indiqué, a souligné, a annoncé, explique, précise, indique, souligne"
)
FIRST_NAMES = _set("""
Aaron, Adam, Adrian, Alain, Alan, Alex, Alexander, Alexandre, Alexis, Alice, Alison, Amanda, Amy, Andrea,
André, Andrew, Andy, Angela, Ann, Anna, Anne, Annegret, Anthony, Antoine, Antony, Arati, Arnaud, Ashton,
Audrey, Barack, Ben, Benjamin, Benoît, Bernard, Bertrand, Bill, Blandine, Bob, Boris, Brad, Brian, Bruno,
Carl, Carlos, Caroline, Catherine, Cédric, Charles, Chris, Christian, Christine, Christophe, Christopher,
Claire, Claude, Colin, Craig, Dan, Dana, Daniel, Dave, David, Deeph, Denis, Didier, Dmitri, Dmitry,
Dominique, Donald, Douglas, Ed, Edouard, Édouard, Edward, Elisabeth, Élisabeth, Elizabeth, Ellen, Elon,
Emmanuel, Emily, Eric, Éric, Erik, Étienne, Fabien, Fabrice, Florence, Florian, Françoise, François,
Frank, Franck, Frédéric, Gabriel, Gary, Geoffrey, George, Georges, Gérald, Gérard, Gilles, Grant,
Grégoire, Guillaume, Hélène, Henri, Henry, Hervé, Hugh, Hugo, Ian, Isabelle, Jack, Jacques, Jake, James,
Jan, Jane, Janet, Jason, Jean, Jean-Claude, Jean-Louis, Jean-Marc, Jean-Pierre, Jean-Yves, Jeff,
Jeffrey, Jennifer, Jens, Jérôme, Jessica, Jim, Joe, John, Jonathan, Joseph, Josep, Julia, Julian,
Julie, Julien, Justin, Karen, Kate, Katherine, Keir, Kevin, Kim, Kurt, Laura, Laurent, Lloyd, Loïc,
Louis, Luc, Lucas, Ludovic, Luis, Marc, Marcel, Margaret, Maria, Marie, Marine, Mark, Martin, Mary,
Mathieu, Matthew, Matthieu, Maxime, Michael, Michel, Michèle, Mike, Mircea, Mohammed, Nadia, Nathalie,
Nicolas, Nick, Olaf, Olivier, Pascal, Patrick, Paul, Paula, Peter, Philip, Philippe, Pierre,
Rachel, Ralph, Raphaël, Rémi, Richard, Rob, Robert, Roger, Ron, Ryan, Sam, Samuel, Sandrine, Sarah,
Scott, Sébastien, Sergei, Sergey, Simon, Sophie, Stéphane, Stephen, Steve, Steven, Sylvie, Theresa,
Thierry, Thomas, Tim, Timothy, Tom, Tony, Ursula, Valérie, Vincent, Vladimir, Volodymyr, Warren,
William, Xavier, Yann, Yves, Zelensky,
Matt, Renaud, Aymeric, Gaël, Clément, Solène, Ségolène, Doug, Pat, Arnaud, Benoît, Gwenaël, Loïc, Maël,
Tanguy, Enguerrand, Aurélien, Aurélie, Cyrille, Ghislain, Hugues, Kévin, Régis, Wilfried,
Mickaël, Mickael, Jérémy, Jérémie, Grégory, Sylvain, Maëlle, Erwan, Gaëtan, Rodolphe, Ludivine, Coralie,
Séverine, Éloïse, Solenn, Morgane, Gwénaëlle, Baptiste, Bastien, Yohann, Laëtitia, Raphaëlle, Loïg,
Anne-Sophie, Marie-Claude, Jean-Baptiste, Jean-François, Jean-Luc, Jean-Michel, Pierre-Yves, Marc-Antoine
""")
# Faker's person providers keep first names for many locales; the alliance's nations, their neighbours
# and the countries its press writes about give the reader thousands of first names it was never told.
_FAKER_LOCALES = _set("""
en_US, en_GB, en_IE, en_IN, fr_FR, fr_CH, de_DE, de_AT, it_IT, es_ES, pt_PT, pt_BR, nl_NL, nl_BE,
pl_PL, cs_CZ, sk_SK, sl_SI, hr_HR, hu_HU, ro_RO, bg_BG, el_GR, tr_TR, da_DK, no_NO, sv_SE, fi_FI,
et_EE, lv_LV, lt_LT, uk_UA, ru_RU, ar_AA, he_IL, fa_IR, hi_IN, zh_CN, ja_JP, ko_KR, zh_TW, vi_VN,
id_ID, en_AU, en_NZ, es_MX, es_AR, az_AZ, ka_GE, hy_AM
""")
# First names that are also words a capitalised chain often starts with (months, virtues, verbs).
_AMBIGUOUS_FIRST = _set("""
May, June, April, August, Will, Said, Grace, Hope, Faith, Joy, Rose, Art, Guy, Bill, Mark, Royal,
Major, Marine, Victoria, Sky, Star, Summer, Winter, Autumn, Dawn, Destiny, Liberty, Justice, Page, Chase,
Cash, Price, King, Lord, Field, Bay, Lane, Gay, Rich, Pierre, Paris, London, Florence, Sydney, Georgia,
Jordan, China, India, Israel, Lorraine, Normandie, Bretagne, Sable, Ocean, Marin, Sol, Lune, Soleil,
Ville, Reine, Victoire, Eden, Apollo, Ariane, Vega, Sierra
""")


def _faker_first_names() -> frozenset[str]:
    import importlib
    import re

    latin = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$")
    names: set[str] = set()
    for locale in sorted(_FAKER_LOCALES):
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attr in (
            "first_names",
            "first_names_male",
            "first_names_female",
            "first_romanized_names",  # Japanese and Chinese names in Latin letters
            "first_romanized_names_male",
            "first_romanized_names_female",
        ):
            names.update(n for n in getattr(provider, attr, ()) if latin.match(n))
    return frozenset(names - NOT_NAMES - _AMBIGUOUS_FIRST - ORG_WORDS)


# The hand list keeps names the lists miss and names that are also words (Mark, Florence) that the
# press uses as first names often enough.
HAND_FIRST_NAMES = FIRST_NAMES
FAKER_FIRST_NAMES = _faker_first_names()
# First names of the world the lists lack ("Rajnath", "Olumide", "Jean-Baptiste"), typed in a file of
# their own; its header says what is left out.
_WORLD = Path(__file__).with_name("first_names_world.txt").read_text(encoding="utf-8").splitlines()
WORLD_FIRST_NAMES = frozenset(n.strip() for n in _WORLD if n.strip() and not n.startswith("#"))
FIRST_NAMES = FIRST_NAMES | FAKER_FIRST_NAMES | WORLD_FIRST_NAMES
# Lower-case particles inside a person's name ("David van Weel", "Bertrand Le Sellier de Chezelles").
PARTICLES = _set("van, von, der, den, de, du, des, da, di, le, la, bin, al, ter")

# Public figures the defence and technology press names by surname alone ("Mais Biden voulait", "the Trump
# administration"): heads of state and government, defence and foreign ministers, alliance leaders and a
# few chief executives of the sector, 2010-2026; surnames that are also common words or places are left out.
WELL_KNOWN_SURNAMES = _set("""
Trump, Biden, Obama, Macron, Hollande, Sarkozy, Poutine, Putin, Zelensky, Zelenskyy, Zelenskiy, Zelenski,
Erdogan, Erdoğan, Netanyahu, Stoltenberg, Rutte, Scholz, Merkel, Merz, Starmer, Sunak, Lecornu, Modi,
Kishida, Medvedev, Lavrov, Shoigu, Choïgou, Belousov, Hegseth, Blinken, Rubio, Pompeo, Esper, Mattis,
Lukashenko, Loukachenko, Orbán, Orban, Meloni, Tusk, Trudeau, Parly, Borrell, Kallas, Kubilius, Pistorius,
Shapps, Healey, Musk, Zuckerberg, Altman, Pichai, Nadella, Bezos, Luckey, Karp, Thiel
""")
