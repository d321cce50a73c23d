//! Writes the monitoring inputs of the bundled review `samples/kent-2018-19/`: `plan.xlsx` (the 2018/19 CSA
//! action plan), `updates/` (progress returns) and `indicators.xlsx`.
//!
//! The plan is the published one (its priorities, leads, aims, numbered objectives, actions, measures,
//! timescales and lead agencies; some cells of the source lost their layout and are tidied). The indicator
//! values are the published figures of the 2018 Action Plan & Performance Summary. The PROGRESS UPDATES ARE
//! ILLUSTRATIVE: their statuses, texts and dates are made up to show every RAG rating. The same program
//! always writes the same bytes.
//!
//! Run from the repository root: `cargo run --example make_monitoring_sample`

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

const DIR: &str = "samples/kent-2018-19";

const KCST: &str = "Kent Community Safety Team (KCST)";
const PH: &str = "KCC Public Health";
const RCRP: &str = "Kent and Medway Road Casualty Reduction Partnership Delivery Group";

/// (priority, lead, aim, context)
#[rustfmt::skip]
const PRIORITIES: [(&str, &str, &str, &str); 7] = [
    ("Domestic Abuse", "Chair of the Domestic Abuse and Sexual Violence Executive Group (DASVEG)",
     "Support delivery of the Domestic Abuse Strategy (in development) to prevent abuse, provide services, reduce risk and work in partnership",
     "The cost of domestic abuse in Kent is estimated to be over £170 million per year based on an estimate of approximately 60,000 victims of domestic abuse in Kent and Medway (Home Office Ready Reckoner estimate).\n\nIn 2017 (Jan-Dec) there were 39,756 reported incidents of domestic abuse in Kent and Medway compared to 34,664 in the same period in 2016, with One Stop Shops seeing approximately 3,200 visitors in 2016/17 (Jul-Jun), similar to the previous year."),
    ("Road Safety", "Director of Operations, Kent Fire and Rescue Service",
     "Raise awareness of Road Safety issues across the County to help reduce the number of people killed and seriously injured on Kent roads",
     "In the 12 months to December 2016 there was an increase in the overall number of casualties injured on Kent's roads compared to the 12 months prior, up from 5,799 to 6,122. In January 2016 a new system for recording road traffic collisions (CRASH) was adopted, so the figures recorded for Kent in 2016 are not directly comparable against previous years."),
    ("Substance Misuse", "Consultant in Public Health, Kent County Council",
     "Work together in partnership to reduce the harm of drug and alcohol misuse", ""),
    ("Anti-Social Behaviour", "Head of Strategic Partnerships, Kent Police",
     "Tackle the problems caused by Anti-Social Behaviour through effective partnership working",
     "In 2017 (Jan-Dec) there were 40,151 ASB incidents recorded by Kent Police in Kent and Medway, a decrease of 12.8% (5,885 fewer incidents) on 2016."),
    ("Serious and Organised Crime", "Head of Strategic Partnerships, Kent Police",
     "Reduce harm to our communities caused by Serious and Organised Crime", ""),
    ("Safeguarding Vulnerable People", "Head of Public Protection, Kent County Council",
     "Raise awareness of safeguarding issues and work in partnership to protect vulnerable people", ""),
    ("Preventing Extremism and Hate", "Prevent and Channel Strategic Manager, Kent County Council",
     "Work together in partnership to address the issues of extremism and hate and support community cohesion",
     "In 2017 (Jan-Dec) there were 3,082 hate crimes and incidents recorded in Kent and Medway compared with 1,730 in 2016, with increases recorded in all strands."),
];

/// (No., priority index, objective, action, measure, timescale, lead agency)
#[rustfmt::skip]
fn actions() -> Vec<(&'static str, usize, &'static str, &'static str, &'static str, &'static str, &'static str)> {
    let dhr = "Improving practices: Commission and support the Domestic Homicide (DHR) process on behalf of CSPs across Kent and Medway with the aim to learn lessons, improve practice and ensure changes are implemented";
    let victims = "Supporting victims: People experiencing domestic abuse access effective support which meets their needs";
    let l2k = "Raising awareness: Reduce young driver / passenger casualties through education and changing behaviours";
    let strategy = "Partnership working: Work in partnership to embed and deliver the five themes from the multi-agency Kent Drug and Alcohol Strategy";
    let gangs = "Providing the tools: Scope existing intervention provision and identify opportunities to commission new bespoke gang intervention to divert and protect those vulnerable to gang association.";
    let online = "Raising awareness: Raising awareness of online safety issues across agencies with a particular focus on staff working with Children, Young People and Vulnerable Adults";
    let scams = "Supporting people: Support vulnerable people targeted by scammers to minimise the impact and reduce future risk.";
    vec![
        ("1.1", 0, dhr, "Undertake DHRs where the criteria has been met", "No. of DHRs commissioned and published", "Ongoing", KCST),
        ("1.1", 0, dhr, "Cascade lessons learnt through the delivery of frontline practitioner seminars, briefings and reports, engaging with the KCSP, local CSPs and Commissioned Services. Undertake joint mapping of lessons learnt themes from case reviews undertaken by the Safeguarding Boards for Children and Adults as well as DHRs.", "Seminars delivered and no.s of people lessons have been shared with; feedback received from seminar attendees", "March 2019", KCST),
        ("1.1", 0, dhr, "The DHR Steering Group will monitor action plans from completed reviews and ensure that changes are implemented by partner agencies.", "Changes in practice instigated by partner agencies", "Ongoing", KCST),
        ("1.2", 0, victims, "Work with partners to ensure effective support to people experiencing domestic abuse", "Monitoring of attendance at One Stop Shops; provision of the annual report and snapshot data", "Ongoing", KCST),
        ("1.2", 0, victims, "Updates provided to partners about the commissioned multi-agency funded integrated domestic abuse service", "", "Ongoing", "KCC Commissioned Services"),
        ("1.3*", 0, "Supporting victims: Supporting adolescents who have lived with domestic abuse", "Funding from KCSP / PCC. Provision of psychotherapeutic counselling service for adolescents for a pilot initiative of six months in Canterbury & Swale.", "Project Feedback", "September 2018", "Rising Sun"),
        ("1.4*", 0, "Supporting victims: Review and refresh the Kent and Medway Domestic Abuse Services Website", "Funding from KCSP / PCC. Work with DA professionals and users to refresh and develop the website to ensure that it is more user friendly and accessible.", "Website has been updated; usage of the website is monitored", "March 2019", "Kent Community Safety Team (KCST) / Domestic Abuse Tactical Group"),
        ("1.5", 0, "Improving Practices: Support development of a new domestic abuse strategy for Kent and Medway", "Work with partners within the Domestic Abuse and Sexual Violence Executive Group (DASVEG) and the Domestic Abuse Tactical Group to support development of a new domestic abuse strategy and delivery plan.", "Strategy and delivery plan is in place; actions from the plan have been incorporated into the CSA Action Plan", "March 2019", "Domestic Abuse Tactical Group"),
        ("2.1*", 1, l2k, "Review of the Licence to Kill programme to ensure the aims and objectives of the programme are still appropriate and are being delivered.", "Outcomes of the review implemented", "March 2019", RCRP),
        ("2.1*", 1, l2k, "Funding from KCSP / PCC. Deliver the Licence to Kill (L2K) programme to young people across Kent.", "No. of young people addressed; feedback received from attendees", "March 2019", RCRP),
        ("2.2", 1, "Ensuring consistency: Raise awareness of road safety campaigns across partnerships to facilitate joint working.", "Share details of road safety campaigns and events with local Community Safety Partnerships via the Safer Communities Portal and promote consistent messaging.", "Details of information shared; feedback from the Road Casualty Reduction Partnership and/or district colleagues on activities", "Ongoing", RCRP),
        ("2.3", 1, "Improving Practices: Support delivery of the Kent and Medway Road Casualty Reduction Partnership Action Plan", "Work with partners within the Road Casualty Reduction Partnership to deliver the action plan.", "Actions from the plan are incorporated into the CSA Action Plan", "Ongoing", RCRP),
        ("3.1", 2, strategy, "Ongoing engagement with local community safety partnerships via Community Safety Managers and CSP meetings to address relevant issues identified by the Strategy.", "CSPs are aware of the strategy and are implementing activity relevant to identified local issues and concerns", "Ongoing", PH),
        ("3.1", 2, strategy, "Highlight issues and share effective practice with partners in relation to licensed drinking establishments through the Kent & Medway Strategic Licensing Group", "Good practice shared; outcomes achieved", "Ongoing", KCST),
        ("3.2", 2, "Resilience: More people understand the problem and get the right help at the right time", "Liaise with partner organisations to consider opportunities for joint training offers to frontline staff ensuring consistency and quality of training. Provide frontline staff with the understanding and tools to support those in need of treatment.", "Increased no. of staff receiving training; increased no. of IBA (Identification and Brief Advice) and appropriate referrals to treatment services", "January 2019", PH),
        ("3.3", 2, "Identification: Assess the impact of alcohol as a factor on domestic abuse in Kent to inform future plans and activities.", "Public Health Observatory to work with partners to explore the potential to source data which could inform research into the extent that alcohol is a factor of domestic abuse in Kent. Outcomes from the research to be shared with domestic abuse practitioners and substance misuse providers.", "Data is available and can be sourced; research project is completed and outcomes shared; further action is identified", "March 2019", PH),
        ("3.4", 2, "Early Help and Harm Reduction: Support the delivery of Community Alcohol Partnerships (CAP) in Kent", "Community Safety partners including Community Wardens to provide intelligence to help identify new CAP areas. Expansion of the scheme with public and partnership engagement in areas of identified need.", "No. of CAPs in place; new areas identified; success stories", "", "KCC Public Protection"),
        ("3.5", 2, "Recovery: People have hope and support to recover from addictions and live long, full and productive lives.", "Increase awareness with partners of the commissioned treatment services and how to access them", "Increased no. of people accessing treatment", "Ongoing", PH),
        ("3.6", 2, "Supply: Partners to work with Kent Police in addressing County Lines and drug dealing in Kent", "Partnership participation in operations to help tackle knife crime and develop intelligence linked to drug dealing. Develop a comprehensive problem profile to inform partnership working and activity. Development of effective 4P plans to focus on intelligence gathering.", "No. of operations delivered; outcomes achieved; production of local profiles", "Ongoing", "Kent Police"),
        ("4.1", 3, "Improving practices: Ensure the ASB tools and powers introduced by the Crime and Policing Act 2014 are effectively embedded at a local level and are being used.", "Ongoing sharing of best practice, including documentation (notices, templates etc.) via the Safer Communities Portal, newsletter and partnership groups. Monitor use of ASB tools and powers by Local Authority partners and where appropriate provide support and guidance as needed.", "Best practice is shared between partners; use of the tools and powers by each local authority is collated every 3-6 months; support provided by the KCST if applicable", "March 2019", KCST),
        ("4.2", 3, "Ensuring consistency: Education and enforcement of licensing conditions in the Night Time Economy (NTE) to help prevent anti-social behaviour and crime.", "Undertake eight multi-agency operations with partners to address night time economy (NTE) anti-social behaviour and support licensing objectives based on intelligence and identified need.", "No. of operations completed; follow up actions undertaken by participating agencies; outcomes achieved", "March 2019", KCST),
        ("4.3", 3, "Raising awareness: Working with partners to promote the use of reporting tools such 'Country Eye'", "Raise awareness and promote the use of Country Eye to help address the issues of fly-tipping and other types of anti-social behaviour in the countryside.", "Inclusion in the newsletter; promotion with partners", "Ongoing", KCST),
        ("5.1", 4, "Improving Practices: Support delivery of the newly developed Kent and Medway Gangs Strategy", "Work with partners to raise awareness of the multi-agency Gangs Strategy and support delivery of actions identified within the gangs action plan.", "Partners are aware of the Strategy; partnership activity is fed into the multi-agency Risks Threats and Vulnerabilities Group", "March 2019", KCST),
        ("5.2*", 4, gangs, "Funding from KCSP / PCC. Work with district colleagues to identify and commission an appropriate training package to assist local front line professionals to develop their knowledge and skills.", "No. of people trained; key skills learnt; feedback on implementation", "March 2019", KCST),
        ("5.2*", 4, gangs, "Work with partners to bid for funding from the Government's 'Trusted Relationship Fund' to support delivery of intervention work with young people at risk of exploitation through gangs / county lines.", "Submission of funding bid supported by key partners", "June 2018", KCST),
        ("5.2*", 4, gangs, "Support implementation of the project with partners across the county if funding bid is successful.", "Implementation of the project (if funding is successful)", "March 2019", KCST),
        ("5.3", 4, "Improving practices: Identify, disrupt and dismantle mapped Organised Crime Groups (OCGs) and reduce the harm caused to individuals and communities", "Work in partnership under the 4P principles (Pursue/Prevent/Prepare/Protect) to share intelligence, establish risks and work effectively to mitigate them through Local SOC panels, partnership working groups and the sharing of OCG profiles. Explore the potential for delivering a partnership professional development training event led by Kent Police to include Op Scorpion, partnership role and sharing best practice.", "Co-ordinated approach to SOC implemented; success stories; inspection of Police / CSP activity; regular review of OCG activity at a local level; number of OCGs mapped by district", "Ongoing", "Kent Police"),
        ("5.4", 4, "Partnership working: Work with partners to develop leads / contacts within partner agencies", "Work with partners to establish links within partner organisations to facilitate raising the profile of Serious and Organised Crime (SOC), the impact of OCGs and facilitate support for SOC Partnerships", "Development of a Strategic Board to direct partnership activity; Service Level Agreement with partners to support SOC partnerships", "March 2019", "Kent Police"),
        ("5.5", 4, "Delivering Objectives: Working in partnership to deliver recommendations where appropriate from the 2017 conference 'Protecting Vulnerable People from Organised Crime'", "Many of the recommended actions link to actions identified within this action plan: improve information sharing (see 5.3); widen reach of available training across agencies (see 5.2 & 5.3); raise awareness amongst young people of the issues and supporting services; raise public awareness; work strategically to strengthen responses to tackling organised crime (see 5.1 & 5.4).", "See above measures", "March 2019", KCST),
        ("6.1*", 5, online, "Funding from KCSP / PCC. Provide train the trainer cyber-crime and online safety sessions during 2018/19 to partners from across the County.", "No. of people engaged; survey feedback on use of the learning and behavioural changes", "March 2019", KCST),
        ("6.1*", 5, online, "Provision of guidance and advice to the public and businesses about cybercrime", "No. of alert messages; case studies", "March 2019", KCST),
        ("6.2", 5, "Raising Awareness: Raise awareness of and support the work being undertaken by the Kent and Medway Suicide Prevention Steering Group.", "Share and highlight suicide prevention campaigns (such as 'Release the Pressure') and promote free to access suicide prevention training, across community safety partners and frontline staff.", "Partners are aware of the ways that they can support Suicide Prevention activities; good practice and campaigns are shared with partners; partners attend and complete suicide prevention training", "March 2021", PH),
        ("6.3", 5, "Co-ordination and consistency: Work in partnership with the Safeguarding Boards (Childrens and Adults) to raise awareness of safeguarding issues and link into specific local and national campaigns.", "Co-ordinate community safety partner activities in relation to the Adult Safeguarding Awareness week in October 2018 linking into the wider partnership work of the Kent & Medway Adult Safeguarding Board. Work with the Safeguarding Boards to undertake joint mapping of lessons learnt themes from case reviews (see action 1.1) to identify shared learning outcomes.", "Details of the activities delivered; feedback from events; shared learning outcomes disseminated to partners", "Ongoing", KCST),
        ("6.4*", 5, scams, "Funding from KCSP / PCC. Installation of tru-Call devices in the homes of vulnerable scam victims through an ongoing Scam Awareness programme delivered by the Kent Community Warden Service in partnership with Kent Trading Standards.", "No. of people supported; behavioural changes; success stories", "March 2019", "KCC Public Protection"),
        ("6.4*", 5, scams, "Funding from KCSP / PCC. Production of a short financial abuse video that highlights the significant detriment caused to vulnerable adults from doorstep crime, scams and mail/phone/email fraud.", "Survey feedback on increased awareness; no. of views of the video; increased no. of trained Friends against Scams", "March 2019", "KCC Public Protection"),
        ("6.5", 5, "Understanding the problem: Develop an understanding of the impact of social isolation and loneliness and raise awareness with partner agencies.", "Work with partners to research the impacts of social isolation. Share information with partners of the findings and raise awareness with agencies.", "Research undertaken; information shared with partners", "March 2019", KCST),
        ("6.6", 5, "Understanding the problem: Develop an understanding of models and methods of working with vulnerable entrenched rough sleepers that best protects them and reduces risk", "Work with districts and providers to understand the current profile of rough sleepers; explore and research methods and models of support; develop and pilot model of delivery; report findings.", "Details to be confirmed", "To be confirmed", "KCC Commissioned Services"),
        ("7.1", 6, "Prevention: Work in partnership to share information and embed the Channel Referral process to help Prevent violent extremism.", "Ongoing sharing of information and guidance with community safety partners via the Community Safety Managers subgroup of the Prevent Duty Delivery Board (PDDB) and the Safer Communities Portal. Awareness raising of the Channel referral process and partnership engagement with the Channel Panel to prevent radicalisation.", "Updates on information shared; feedback from partners; Channel panel reports; success stories", "Ongoing", "KCC PREVENT Team"),
        ("7.2", 6, "Understanding the problem: Raise awareness of extremism and hate and identify current and future partnership activities", "Develop and deliver a Community Safety Conference on behalf of Kent and Medway partners on the theme of Preventing Extremism and Hate including community cohesion", "No. of organisations and staff in attendance; feedback from the event", "November 2018", "Chair of the KCSP Conference Subgroup"),
        ("7.3", 6, "Ensuring Consistency: Understand the impact of the changes made to the Government's CONTEST Strategy and the duties for partner organisations.", "Work with the Prevent Duty Delivery Board (PDDB) to understand and implement relevant changes identified in the CONTEST Strategy", "Information is shared with partners; relevant actions are included in the CSA Action Plan", "March 2019", "KCC PREVENT Team"),
        ("7.4", 6, "Understanding the problem: Work in partnership to share information to help understand and address Hate Crimes.", "Ongoing sharing of information, guidance and best practice from the Hate Crime Forum. Work with partners within the Hate Crime Forum to deliver actions from the Hate Crime Action Plan.", "Relevant actions from the plan are incorporated into the CSA Action Plan", "March 2019", "Chair of the Hate Crime Forum"),
    ]
}

/// ILLUSTRATIVE progress: (file, title, rows of (ref, status, update, updated by, date as (y, m, d))).
type UpdateRow = (&'static str, &'static str, &'static str, &'static str, (u16, u8, u8));

#[rustfmt::skip]
fn updates() -> Vec<(&'static str, Vec<UpdateRow>)> {
    vec![
        ("2018-q2-progress.xlsx", vec![
            ("1.1a", "On track", "Two new reviews initiated; nine cases under management.", "KCST", (2018, 10, 12)),
            ("1.3", "Complete", "Six-month pilot in Canterbury and Swale completed; feedback collated.", "Rising Sun", (2018, 10, 5)),
            ("4.3", "On track", "Country Eye promoted in the autumn newsletter.", "KCST", (2018, 10, 12)),
            ("5.2b", "Complete", "Bid to the Trusted Relationship Fund submitted with partners' support.", "KCST", (2018, 7, 2)),
            ("6.3", "On track", "Activities planned for Adult Safeguarding Awareness week in October 2018.", "KCST", (2018, 9, 28)),
            ("7.2", "On track", "Conference programme agreed; venue booked for November.", "KCSP Conference Subgroup", (2018, 9, 20)),
        ]),
        ("2018-q4-progress.xlsx", vec![
            ("1.1a", "On track", "Three new reviews initiated in 2018/19; two published.", "KCST", (2019, 3, 22)),
            ("1.1b", "On track", "Three lessons learnt seminars delivered to about 350 practitioners.", "KCST", (2019, 3, 22)),
            ("1.1c", "On track", "The DHR Steering Group meets quarterly to monitor action plans.", "KCST", (2019, 3, 22)),
            ("1.2a", "On track", "One Stop Shop attendance monitored; annual report in preparation.", "KCST", (2019, 3, 15)),
            ("1.2b", "At risk", "Partnership update on the integrated service delayed to early 2019/20.", "KCC Commissioned Services", (2019, 3, 15)),
            ("1.4", "Complete", "The refreshed Domestic Abuse Services website went live.", "KCST", (2019, 2, 28)),
            ("1.5", "At risk", "Strategy drafting continues; the delivery plan will follow after March.", "Domestic Abuse Tactical Group", (2019, 3, 22)),
            ("2.1a", "On track", "Review of Licence to Kill under way with the delivery group.", "KMRCRP Delivery Group", (2019, 3, 8)),
            ("2.1b", "Complete", "Eight L2K performances delivered to about 6,000 students.", "KMRCRP Delivery Group", (2019, 1, 31)),
            ("2.2", "On track", "Campaign calendar shared with CSPs through the Safer Communities Portal.", "KMRCRP Delivery Group", (2019, 3, 8)),
            ("2.3", "On track", "Partnership action plan actions carried into the CSA Action Plan.", "KMRCRP Delivery Group", (2019, 3, 8)),
            ("3.1a", "On track", "Strategy themes discussed at Community Safety Managers' meetings.", "KCC Public Health", (2019, 3, 1)),
            ("3.1b", "On track", "Good practice shared through the Strategic Licensing Group.", "KCST", (2019, 3, 1)),
            ("3.2", "On track", "Joint training offer being scoped with partners.", "KCC Public Health", (2019, 3, 1)),
            ("3.3", "Off track", "Data sources for the alcohol and domestic abuse research not yet secured.", "KCC Public Health", (2019, 3, 1)),
            ("3.5", "On track", "Treatment services promoted to partners.", "KCC Public Health", (2019, 3, 1)),
            ("3.6", "On track", "Partners joined operations on county lines; problem profile drafted.", "Kent Police", (2019, 3, 14)),
            ("4.1", "On track", "Use of tools and powers collated for the third quarter.", "KCST", (2019, 3, 14)),
            ("4.2", "At risk", "Six of the eight night time economy operations delivered.", "KCST", (2019, 3, 14)),
            ("5.1", "On track", "Gangs Strategy awareness sessions delivered to partners.", "KCST", (2019, 3, 20)),
            ("5.2a", "Complete", "Four gangs training events delivered across the county.", "KCST", (2019, 2, 15)),
            ("5.2c", "Not started", "Awaiting the outcome of the funding bid.", "KCST", (2019, 3, 20)),
            ("5.3", "On track", "Local SOC panels sharing OCG profiles.", "Kent Police", (2019, 3, 20)),
            ("5.4", "On track", "Strategic Board terms of reference drafted.", "Kent Police", (2019, 3, 20)),
            ("5.5", "On track", "Conference recommendations tracked through actions 5.1 to 5.4.", "KCST", (2019, 3, 20)),
            ("6.1a", "Complete", "Four train the trainer online safety sessions delivered.", "KCST", (2019, 3, 25)),
            ("6.1b", "On track", "Cybercrime alerts issued monthly.", "KCST", (2019, 3, 25)),
            ("6.2", "On track", "Release the Pressure campaign shared with partners.", "KCC Public Health", (2019, 3, 25)),
            ("6.4a", "On track", "33 tru-Call devices purchased, 11 installed.", "KCC Public Protection", (2019, 3, 25)),
            ("6.4b", "Not started", "Video production to be commissioned.", "KCC Public Protection", (2019, 3, 25)),
            ("6.5", "At risk", "Research into social isolation delayed by staff changes.", "KCST", (2019, 3, 25)),
            ("7.1", "On track", "Channel referral guidance shared through the PDDB subgroup.", "KCC PREVENT Team", (2019, 3, 29)),
            ("7.2", "Complete", "Conference on Preventing Extremism and Hate held in November 2018.", "KCSP Conference Subgroup", (2018, 11, 30)),
            ("7.3", "On track", "CONTEST changes reviewed with the PDDB.", "KCC PREVENT Team", (2019, 3, 29)),
            ("7.4", "On track", "Hate Crime Forum actions incorporated into the CSA Action Plan.", "Chair of the Hate Crime Forum", (2019, 3, 29)),
        ]),
    ]
}

/// The period columns of indicators.xlsx, oldest on the left within each kind of period.
const PERIODS: [&str; 7] = [
    "2015",
    "2016",
    "2017",
    "2015/16",
    "2016/17",
    "YE Sep 2016",
    "YE Sep 2017",
];

/// (priority, indicator, better, unit, geography, source, note, stated change, stated direction, values by
/// PERIODS; "" is blank)
type IndicatorRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 7],
);

#[rustfmt::skip]
const INDICATORS: [IndicatorRow; 7] = [
    ("Domestic Abuse", "Reported domestic abuse incidents", "neither", "incidents", "Kent and Medway", "Kent Police", "Jan-Dec; more victims may be coming forward to report", "", "up",
     ["", "34664", "39756", "", "", "", ""]),
    ("Domestic Abuse", "Domestic abuse-related offences recorded by the police", "neither", "offences", "England and Wales", "ONS, Crime in England and Wales", "", "up 20%", "up",
     ["", "", "", "", "", "447950", "535359"]),
    ("Domestic Abuse", "One Stop Shop visitors", "neither", "visitors", "Kent", "KCST", "Jul-Jun; approx. 3,200, similar to the previous year", "", "",
     ["", "", "", "n/a", "3200", "", ""]),
    ("Road Safety", "Road casualties", "lower", "casualties", "Kent", "Road Casualties in Kent, Annual Review 2016", "2016 not directly comparable: CRASH recording", "", "up",
     ["5799", "6122", "", "", "", "", ""]),
    ("Anti-Social Behaviour", "ASB incidents", "lower", "incidents", "Kent and Medway", "Kent Police", "Jan-Dec", "decrease of 12.8%", "down",
     ["", "46036", "40151", "", "", "", ""]),
    ("Preventing Extremism and Hate", "Hate crimes and incidents", "neither", "crimes and incidents", "Kent and Medway", "Kent Police", "Jan-Dec; increases recorded in all strands", "", "up",
     ["", "1730", "3082", "", "", "", ""]),
    ("Preventing Extremism and Hate", "Recorded hate offences", "neither", "offences", "England and Wales", "Home Office, Hate crime statistics", "", "29% increase", "up",
     ["", "", "", "62518", "80393", "", ""]),
];

fn workbook(title: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("csa-review sample")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2018, 4, 1)?),
    );
    Ok(wb)
}

fn header(ws: &mut Worksheet, row: u32, names: &[&str]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap();
    for (c, n) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *n, &bold)?;
    }
    Ok(())
}

fn put(ws: &mut Worksheet, row: u32, col: u16, text: &str) -> Result<(), XlsxError> {
    if !text.is_empty() {
        ws.write_string(row, col, text)?;
    }
    Ok(())
}

fn plan(dir: &Path) -> Result<(), XlsxError> {
    let mut wb = workbook("Kent Community Safety Agreement action plan 2018/19")?;
    let ws = wb.add_worksheet().set_name("Priorities")?;
    ws.write_string(
        0,
        0,
        "Kent Community Safety Agreement: action plan 2018/19 (as published)",
    )?;
    header(ws, 2, &["Priority", "Lead", "Aim", "Context"])?;
    for (i, (name, lead, aim, context)) in PRIORITIES.iter().enumerate() {
        let r = 3 + i as u32;
        put(ws, r, 0, name)?;
        put(ws, r, 1, lead)?;
        put(ws, r, 2, aim)?;
        put(ws, r, 3, context)?;
    }
    let ws = wb.add_worksheet().set_name("Actions")?;
    ws.write_string(
        0,
        0,
        "Kent Community Safety Agreement: action plan 2018/19 (as published; layout tidied)",
    )?;
    header(
        ws,
        2,
        &[
            "No.",
            "Priority",
            "Objective / Planned Outcomes",
            "Actions",
            "Measure",
            "Timescale (Delivery date?)",
            "Lead Agency",
        ],
    )?;
    for (i, (no, p, objective, action, measure, timescale, lead)) in actions().into_iter().enumerate() {
        let r = 3 + i as u32;
        put(ws, r, 0, no)?;
        put(ws, r, 1, PRIORITIES[p].0)?;
        put(ws, r, 2, objective)?;
        put(ws, r, 3, action)?;
        put(ws, r, 4, measure)?;
        put(ws, r, 5, timescale)?;
        put(ws, r, 6, lead)?;
    }
    wb.save(dir.join("plan.xlsx"))
}

fn progress(dir: &Path) -> Result<(), XlsxError> {
    let folder = dir.join("updates");
    std::fs::create_dir_all(&folder).map_err(XlsxError::IoError)?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (file, rows) in updates() {
        let mut wb = workbook("Kent CSA action plan progress (illustrative)")?;
        let ws = wb.add_worksheet().set_name("Progress")?;
        ws.write_string(
            0,
            0,
            "ILLUSTRATIVE progress return: the statuses, updates and dates are made up for the bundled sample",
        )?;
        header(ws, 2, &["Ref", "Status", "Update", "Updated by", "Date"])?;
        for (i, (reference, status, text, by, (y, m, d))) in rows.into_iter().enumerate() {
            let r = 3 + i as u32;
            put(ws, r, 0, reference)?;
            put(ws, r, 1, status)?;
            put(ws, r, 2, text)?;
            put(ws, r, 3, by)?;
            ws.write_datetime_with_format(r, 4, ExcelDateTime::from_ymd(y, m, d)?, &date)?;
        }
        wb.save(folder.join(file))?;
    }
    Ok(())
}

fn indicators(dir: &Path) -> Result<(), XlsxError> {
    let mut wb = workbook("Kent CSA indicators, as published in the 2018 Action Plan & Performance Summary")?;
    let ws = wb.add_worksheet().set_name("Indicators")?;
    ws.write_string(
        0,
        0,
        "Indicators as published in the Kent CSA Action Plan & Performance Summary (2018); only an indication of the direction of travel",
    )?;
    let mut names = vec![
        "Priority",
        "Indicator",
        "Better",
        "Unit",
        "Geography",
        "Source",
        "Note",
        "Stated change",
        "Stated direction",
    ];
    names.extend(PERIODS);
    header(ws, 2, &names)?;
    for (i, row) in INDICATORS.iter().enumerate() {
        let r = 3 + i as u32;
        let (p, ind, better, unit, geo, source, note, change, direction, values) = row;
        for (c, text) in [p, ind, better, unit, geo, source, note, change, direction]
            .iter()
            .enumerate()
        {
            put(ws, r, c as u16, text)?;
        }
        for (j, v) in values.iter().enumerate() {
            let col = 9 + j as u16;
            match v.parse::<f64>() {
                Ok(n) => {
                    ws.write_number(r, col, n)?;
                }
                Err(_) => put(ws, r, col, v)?,
            }
        }
    }
    wb.save(dir.join("indicators.xlsx"))
}

fn main() -> Result<(), XlsxError> {
    let dir = Path::new(DIR);
    plan(dir)?;
    progress(dir)?;
    indicators(dir)?;
    println!("wrote {DIR}/plan.xlsx, {DIR}/updates/ and {DIR}/indicators.xlsx");
    Ok(())
}
