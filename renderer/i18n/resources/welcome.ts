export const welcome = {
  'zh-CN': {
    title: '欢迎使用客户分级簿',
    subtitle: '客户档案、跟进记录和订单都保存在这台电脑上的一个文件里，只属于你。',
    startEmpty: '从空白开始',
    startEmptyHint: '录入或导入自己的客户。',
    loadDemo: '载入演示数据',
    loadDemoHint: '一个广州批发档口的本地客户（人民币）和一个外贸业务的海外客户（美元/欧元），含 2–3 年订单与跟进。',
    loading: '正在生成演示数据…',
    failed: '未能完成：{{message}}',
  },
  en: {
    title: 'Welcome to TierBook',
    subtitle: 'Customer files, follow-ups and orders live in one file on this computer. They are yours.',
    startEmpty: 'Start empty',
    startEmptyHint: 'Enter or import your own customers.',
    loadDemo: 'Load the demo workspace',
    loadDemoHint: "A Guangzhou wholesale stall's local customers (CNY) and an exporter's foreign clients (USD/EUR), with 2–3 years of orders and follow-ups.",
    loading: 'Creating the demo workspace…',
    failed: 'Could not finish: {{message}}',
  },
};
