/** The original product's default admin. Its password breaks our rules on purpose: it must be changed at first sign-in. */
export const DEMO_ADMIN = { name: 'Workshop Admin', email: 'admin@workshop.com', password: 'admin123' } as const;

export const DEMO_CATEGORIES = ['Technology', 'Arts & Crafts', 'Cooking', 'Wellness', 'Business'] as const;

export interface DemoWorkshop {
  title: string;
  summary: string;
  description: string;
  category: (typeof DEMO_CATEGORIES)[number];
  tags: string[];
  city: string;
  venue: string;
  address: string;
  instructor: string;
  /** Days from today, local start time and length, in the workshop's own zone. */
  inDays: number;
  startTime: string;
  hours: number;
  timeZone: string;
  capacity: number;
  priceMinor: number;
  currency: 'EUR' | 'GBP' | 'USD';
  registrationMode: 'automatic' | 'manual';
  waitlistEnabled: boolean;
}

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    title: 'Python for Beginners',
    summary: 'Write your first real programs in one day: variables, loops, functions and files.',
    description: 'A hands-on introduction for people who have never programmed. Bring a laptop; everything else is provided. By the end you will have written a small tool that reads and summarises a spreadsheet.',
    category: 'Technology',
    tags: ['python', 'programming', 'beginner'],
    city: 'Berlin',
    venue: 'Factory Campus, Room 2',
    address: 'Rheinsberger Str. 76/77, 10115 Berlin',
    instructor: 'Dr. Lena Vogel',
    inDays: 9,
    startTime: '09:30',
    hours: 7,
    timeZone: 'Europe/Berlin',
    capacity: 20,
    priceMinor: 4900,
    currency: 'EUR',
    registrationMode: 'automatic',
    waitlistEnabled: true,
  },
  {
    title: 'Wheel-Thrown Pottery Basics',
    summary: 'Centre, open and pull your first bowls on the wheel, in a small group.',
    description: 'Eight places only, so everyone gets a wheel. Clay, tools, glazing and firing are included; your pieces are ready to collect two weeks later.',
    category: 'Arts & Crafts',
    tags: ['pottery', 'ceramics', 'hands-on'],
    city: 'London',
    venue: 'Clay Corner Studio',
    address: '12 Hackney Road, London E2 7NS',
    instructor: 'Priya Shah',
    inDays: 12,
    startTime: '14:00',
    hours: 3,
    timeZone: 'Europe/London',
    capacity: 8,
    priceMinor: 6500,
    currency: 'GBP',
    registrationMode: 'manual',
    waitlistEnabled: true,
  },
  {
    title: 'Sourdough Bread Masterclass',
    summary: 'From starter to crust: feed, shape, score and bake a proper country loaf.',
    description: 'You go home with your own starter, a loaf you baked and a printed schedule that fits around a working week.',
    category: 'Cooking',
    tags: ['baking', 'bread', 'sourdough'],
    city: 'Paris',
    venue: 'Atelier des Pains',
    address: '23 Rue Oberkampf, 75011 Paris',
    instructor: 'Julien Moreau',
    inDays: 16,
    startTime: '10:00',
    hours: 4,
    timeZone: 'Europe/Paris',
    capacity: 12,
    priceMinor: 3500,
    currency: 'EUR',
    registrationMode: 'automatic',
    waitlistEnabled: false,
  },
  {
    title: 'Mindfulness & Stress Reduction',
    summary: 'Practical breathing and attention exercises you can use at your desk.',
    description: 'A free community session. No experience needed; wear comfortable clothes. Mats are provided.',
    category: 'Wellness',
    tags: ['meditation', 'wellbeing', 'free'],
    city: 'Amsterdam',
    venue: 'OBA Central Library, Theatre Hall',
    address: 'Oosterdokskade 143, 1011 DL Amsterdam',
    instructor: 'Sanne de Vries',
    inDays: 20,
    startTime: '18:30',
    hours: 1.5,
    timeZone: 'Europe/Amsterdam',
    capacity: 30,
    priceMinor: 0,
    currency: 'EUR',
    registrationMode: 'automatic',
    waitlistEnabled: true,
  },
  {
    title: 'Startup Pitch Workshop',
    summary: 'Shape a five-minute pitch and rehearse it in front of real investors.',
    description: 'Applications are reviewed so that each group mixes stages and sectors. Bring a draft deck; you will present twice and get written feedback.',
    category: 'Business',
    tags: ['startups', 'public speaking', 'fundraising'],
    city: 'New York',
    venue: 'Civic Hall',
    address: '124 E 14th St, New York, NY 10003',
    instructor: 'Marcus Bell',
    inDays: 27,
    startTime: '17:00',
    hours: 3,
    timeZone: 'America/New_York',
    capacity: 15,
    priceMinor: 2000,
    currency: 'USD',
    registrationMode: 'manual',
    waitlistEnabled: false,
  },
];
