/** What the April 2017 Ofsted tracker states, written out by hand from the document, to check imports against field by field. */

/** The tracker, recommendation by recommendation: the title, and the lead as name and job title. */
export const recommendations: [number, string, string, string][] = [
  [1, "Ensure that accurate performance data is analysed and that this leads to specific actions for improvement", "Iqbal Vaza", "Strategic Lead I Performance, Quality & Business Support I HR,OD & Transformation"],
  [2, "Strengthen oversight, coordination and quality assurance of early help services to ensure that children and families are receiving the right support at the right time", "Clare Moore", "Acting Strategic Lead- Disabled Children, Family Group Conferencing, Emergency Duty Team and Early Offer of Help."],
  [3, "Ensure that assessments and plans for children are of a consistently high quality", "Cherrylyn Senior, PSW; Teresa Gallager, Service Manager, FST & Joe Tynan, Service Manager, MASH & CFAT", ""],
  [4, "Improve the offer of return home interviews to children and young people who have been missing from home or care to increase take-up of these interviews", "Paul Coke, Service Manager, Children Looked After & Neale Laurie, Service Manager, Safeguarding and Child Protection", ""],
  [5, "Ensure that more children are supported to participate in, and contribute to, their meetings, conferences and reviews, that they and their parents have access to reports beforehand, and that meeting minutes are circulated promptly", "Neale Laurie", "Service Manager, Safeguarding and Child Protection"],
  [6, "Ensure that robust arrangements are in place to reduce the need for children and young people to become looked after in an emergency", "Joe Tynan, Service Manager, MASH & CFAT and Teresa Gallagher, Service Manager, Family Support.", ""],
  [7, "Ensure targeted recruitment of foster carers to better meet the current and future demand for foster placements and reduce the number of children looked after who have to be placed out of the borough", "Andrews Osei", "Service Manager, Fostering, Adoption and Placements"],
  [8, "Ensure that personal education plans are of a consistently high standard & that the virtual school effectively monitors and analyses the progress of all children looked after, including those who attend schools outside of Thurrock", "Keeley Pullen", "Head of the Virtual School"],
  [9, "Ensure that managers oversee and effectively drive forward permanence plans for children", "Paul Coke, Service Manager, Children Looked After & Andrews Osei, Service Manager, Fostering, Adoption and Placements", ""],
  [10, "Develop post-adoption support arrangements to ensure that all children and families who are eligible have access to an appropriate service", "Andrews Osei", "Service Manager, Fostering, Adoption and Placements"],
  [11, "Ensure that an effective Staying Put policy makes it possible for more young people to live with their former foster carers beyond the age of 18 years", "Paul Coke, Service Manager, Children Looked After & Andrews Osei, Service Manager, Fostering, Adoption and Placements", ""],
  [12, "Ensure that pathway assessments and plans are developed to engage care leavers effectively and that care leavers benefit from regular reviews", "Paul Coke", "Service Manager, Children Looked After"],
  [13, "Ensure that care leavers are effectively supported to gain independence skills, including through the setting of aspirational targets to help them to achieve educational and employment goals.", "Paul Coke", "Service Manager, Children Looked After"],
  [14, "Secure a more stable workforce to ensure that children are able to build enduring relationships with social workers and to enable the local authority to drive through improvement to services, such as increasing early planning for permanence for children that starts at the front door", "Andrew Carter", "Head of Children's Social Care"],
  [15, "Ensure and demonstrate that children's and families' views and feedback are used to demonstrably shape service developments", "Cherylyn Senior", "Principal Social Worker"],
  [16, "Regularly audit supervision files to ensure that frequency and quality are resulting in improved practice", "Neale Laurie", "Service Manager, Safeguarding and Child Protection"],
];

/** Score - please select / Update April 17 / Direction of Travel, row by row. */
export const scores: [number, number, number, 'Improving' | 'Maintained'][] = [
  [1, 1, 1, 'Improving'], [2, 2, 2, 'Improving'], [3, 3, 3, 'Improving'], [4, 1, 1, 'Improving'],
  [5, 1, 1, 'Improving'], [6, 2, 2, 'Improving'], [7, 1, 1, 'Improving'], [8, 1, 1, 'Improving'],
  [9, 1, 1, 'Improving'], [10, 1, 1, 'Improving'], [11, 1, 1, 'Improving'], [12, 2, 2, 'Improving'],
  [13, 3, 3, 'Maintained'], [14, 2, 2, 'Improving'], [15, 2, 2, 'Improving'], [16, 1, 1, 'Improving'],
];
