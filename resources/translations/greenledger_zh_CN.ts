<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/about.py" line="98"/>
        <source>About GreenLedger</source>
        <translation>关于 GreenLedger</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="107"/>
        <source>Carbon accounting for e-commerce and logistics analysts: energy mix, deliveries, packaging, initiatives; location- and market-based Scope 2, avoided emissions and equivalents.</source>
        <translation>面向电商与物流分析师的碳核算工具：能源结构、配送、包装、减排举措；基于位置与基于市场的范围二排放、避免排放及等效换算。</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="112"/>
        <source>Built-in factor library: {0} (released {1})</source>
        <translation>内置排放因子库：{0}（发布于 {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="114"/>
        <source>This workspace&apos;s factor library: {0}</source>
        <translation>本工作区使用的因子库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="116"/>
        <source>A different library is built in: greenledger factors update previews the change.</source>
        <translation>内置因子库版本不同：运行 greenledger factors update 可预览变更。</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="118"/>
        <source>Python {0} · Qt {1} · PySide6 {2} · pyqtgraph {3}</source>
        <translation>Python {0} · Qt {1} · PySide6 {2} · pyqtgraph {3}</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="123"/>
        <source>GreenLedger is MIT-licensed. It bundles these components under their own licenses:</source>
        <translation>GreenLedger 以 MIT 许可证发布，并随附以下组件（各自遵循其许可证）：</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="127"/>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="127"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="128"/>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="140"/>
        <source>Qt and PySide6 are used under the GNU LGPL v3 as shared libraries you may replace; their sources are at qt.io and code.qt.io. License texts are in the licenses folder that ships with the application.</source>
        <translation>Qt 与 PySide6 依据 GNU LGPL v3 以可替换的共享库形式使用，源代码见 qt.io 与 code.qt.io。许可证全文位于随应用提供的 licenses 文件夹中。</translation>
    </message>
</context>
<context>
    <name>AddRowDialog</name>
    <message>
        <location filename="../../gui/add_row_dialog.py" line="37"/>
        <source>Add a row: {0}</source>
        <translation>添加一行：{0}</translation>
    </message>
</context>
<context>
    <name>Bounds</name>
    <message>
        <location filename="../../core/bounds.py" line="85"/>
        <source>electricity factors (grid, residual, diesel generation)</source>
        <translation>电力排放因子（电网、残余混合、柴油发电）</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="89"/>
        <source>vehicle factors per km</source>
        <translation>车辆每公里排放因子</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="94"/>
        <source>vehicle factors per tonne-km</source>
        <translation>车辆每吨公里排放因子</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="98"/>
        <source>packaging factors per kg</source>
        <translation>包装材料每千克排放因子</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="103"/>
        <source>factors per order</source>
        <translation>每单排放因子</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="107"/>
        <source>delivery emissions per order</source>
        <translation>每单配送排放</translation>
    </message>
</context>
<context>
    <name>ChartCommands</name>
    <message>
        <location filename="../../gui/charts/commands.py" line="74"/>
        <source>--years {0}: give two years, e.g. 2020-2021</source>
        <translation>--years {0}：请给出两个年份，例如 2020-2021</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="110"/>
        <source>no site {0}; sites: {1}</source>
        <translation>没有站点 {0}；现有站点：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="111"/>
        <location filename="../../gui/charts/commands.py" line="118"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="117"/>
        <source>no campaign {0}; campaigns: {1}</source>
        <translation>没有活动 {0}；现有活动：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="134"/>
        <source>export a chart as .png, .svg or .pdf</source>
        <translation>图表只能导出为 .png、.svg 或 .pdf</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="137"/>
        <source>give --size or --width/--height, not both</source>
        <translation>请给出 --size 或 --width/--height，不能同时给出</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="149"/>
        <source>wrote {0} ({1}×{2} px at {3} dpi)</source>
        <translation>已写入 {0}（{1}×{2} 像素，{3} dpi）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="161"/>
        <source>the deck is a .pptx file: give --out FILE.pptx</source>
        <translation>演示文稿是 .pptx 文件：请给出 --out 文件.pptx</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="170"/>
        <location filename="../../gui/charts/commands.py" line="187"/>
        <source>wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/commands.py" line="179"/>
        <source>export the data as .csv or .xlsx</source>
        <translation>数据只能导出为 .csv 或 .xlsx</translation>
    </message>
</context>
<context>
    <name>ChartFiles</name>
    <message>
        <location filename="../../core/chart_files.py" line="18"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="19"/>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="20"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="21"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="22"/>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="23"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="24"/>
        <source>Method</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="25"/>
        <source>Factor sources</source>
        <translation>排放因子来源</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="26"/>
        <source>Data SHA-256</source>
        <translation>数据 SHA-256</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="27"/>
        <source>Source</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="46"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="51"/>
        <source>Provenance</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../core/chart_files.py" line="60"/>
        <source>{0}: export the data as .csv or .xlsx</source>
        <translation>{0}：数据只能导出为 .csv 或 .xlsx</translation>
    </message>
</context>
<context>
    <name>ChartValues</name>
    <message>
        <location filename="../../core/chart_data.py" line="279"/>
        <source>Grid</source>
        <translation>电网</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="280"/>
        <source>Wind</source>
        <translation>风电</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="281"/>
        <source>Solar</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="282"/>
        <source>Hydro</source>
        <translation>水电</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="283"/>
        <source>Biomass</source>
        <translation>生物质</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="284"/>
        <source>Geothermal</source>
        <translation>地热</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="285"/>
        <source>Diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="286"/>
        <source>Board</source>
        <translation>纸板</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="287"/>
        <source>Paper</source>
        <translation>纸</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="288"/>
        <source>Film</source>
        <translation>塑料薄膜</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="289"/>
        <source>Rigid plastic</source>
        <translation>硬质塑料</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="290"/>
        <source>Board recycled</source>
        <translation>再生纸板</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="291"/>
        <source>Paper recycled</source>
        <translation>再生纸</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="292"/>
        <source>Film recycled</source>
        <translation>再生塑料薄膜</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="293"/>
        <source>Rigid plastic recycled</source>
        <translation>再生硬质塑料</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="294"/>
        <source>Green power trade</source>
        <translation>绿电交易</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="295"/>
        <source>PPA</source>
        <translation>购电协议（PPA）</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="296"/>
        <source>Certificate</source>
        <translation>绿证</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="297"/>
        <source>On-site</source>
        <translation>自发自用</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="298"/>
        <source>Residual</source>
        <translation>剩余电力组合</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="138"/>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="139"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="140"/>
        <source>Export data…</source>
        <translation>导出数据…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="150"/>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="152"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="166"/>
        <source>Export chart data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="168"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/chart_view.py" line="184"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../core/chart_data.py" line="104"/>
        <source>site {0}</source>
        <translation>站点：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="106"/>
        <location filename="../../core/chart_energy.py" line="73"/>
        <source>all sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="109"/>
        <source>campaign {0}</source>
        <translation>活动：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="113"/>
        <source>year {0}</source>
        <translation>{0} 年</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="115"/>
        <source>years {0}–{1}</source>
        <translation>{0}–{1} 年</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="118"/>
        <source>initiative {0}</source>
        <translation>减排举措：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="120"/>
        <source>large quantities in 万/亿</source>
        <translation>大数值以万/亿为单位</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="122"/>
        <source>unit {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="123"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="179"/>
        <source>Data: {0}, {1}</source>
        <translation>数据：{0}，{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="181"/>
        <source>Data: {0}</source>
        <translation>数据：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="184"/>
        <source>Method: {0}</source>
        <translation>方法：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="190"/>
        <source>Factors: {0}</source>
        <translation>排放因子：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="204"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="93"/>
        <location filename="../../core/chart_fit.py" line="154"/>
        <location filename="../../core/chart_fit.py" line="211"/>
        <source>Other ({0})</source>
        <translation>其他（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="99"/>
        <source>Other = {0} summed per year: {1}</source>
        <translation>其他 = {0} 项按年合计：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="162"/>
        <source>Other = {0} series summed: {1}</source>
        <translation>其他 = {0} 个系列合计：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="183"/>
        <source>Other sites ({0})</source>
        <translation>其他站点（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="188"/>
        <source>grey lines: {0} more series, each its own ({1})</source>
        <translation>灰色线：另外 {0} 个系列，各自单独绘制（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_fit.py" line="214"/>
        <source>Other = {0} summed: {1}</source>
        <translation>其他 = {0} 项合计：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="40"/>
        <source>Energy mix by source</source>
        <translation>按来源划分的能源结构</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="41"/>
        <source>Renewable share by site</source>
        <translation>各站点可再生能源占比</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="42"/>
        <source>Delivery emissions per order</source>
        <translation>每单配送碳排放强度</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="43"/>
        <source>Packaging material per order</source>
        <translation>每单包装材料用量</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="44"/>
        <source>Reductions by initiative and business unit</source>
        <translation>按减排举措和业务单元划分的减排量</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="45"/>
        <source>Cumulative avoided emissions from renewable electricity</source>
        <translation>可再生电力累计避免排放</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="48"/>
        <source>Scope 2: location- vs market-based</source>
        <translation>范围二排放：基于位置与基于市场</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="49"/>
        <source>Equivalents</source>
        <translation>减排等效换算</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="63"/>
        <source>{0} {1}</source>
        <translation>{1}{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="64"/>
        <source>{0} {1} {2}: {3}</source>
        <translation>{0} {1} {2}：{3}</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="146"/>
        <source>{0} million kWh</source>
        <translation>{0} 百万千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="65"/>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="75"/>
        <source>Renewable share {0}: {1}</source>
        <translation>{0} 可再生能源占比：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="79"/>
        <source>{0} in {1} months, {2} renewable</source>
        <translation>{1} 个月共用电 {0}，可再生能源占比 {2}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="81"/>
        <source>{0} in {1} years, {2} renewable</source>
        <translation>{1} 年共用电 {0}，可再生能源占比 {2}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="90"/>
        <source>Electricity ({0})</source>
        <translation>用电量（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="91"/>
        <location filename="../../core/chart_energy.py" line="139"/>
        <source>Renewable share (%)</source>
        <translation>可再生能源占比（%）</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="92"/>
        <location filename="../../core/chart_energy.py" line="140"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="92"/>
        <location filename="../../core/chart_energy.py" line="140"/>
        <location filename="../../core/chart_energy.py" line="237"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="97"/>
        <source>kWh by source as reported, spread over calendar months by days; renewable share = wind, solar, hydro, biomass, geothermal kWh ÷ all kWh (diesel included)</source>
        <translation>各来源电量按报告值计，并按天数分摊到自然月；可再生能源占比 = 风电、光伏、水电、生物质发电、地热电量 ÷ 总电量（含柴油发电）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="305"/>
        <location filename="../../core/chart_campaigns.py" line="355"/>
        <location filename="../../core/chart_energy.py" line="130"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="143"/>
        <source>renewable kWh ÷ all kWh of each site (diesel included), per calendar month</source>
        <translation>各站点可再生电量 ÷ 总电量（含柴油发电），按自然月计</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="147"/>
        <source>renewable kWh ÷ all kWh of each site (diesel included), per calendar year</source>
        <translation>各站点可再生电量 ÷ 总电量（含柴油发电），按自然年计</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="53"/>
        <source>{0} vs {1}</source>
        <translation>较 {1} {0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="55"/>
        <source>{0}: {1} kg CO2e per order, {2} vs {3}</source>
        <translation>{0}：每单 {1} 千克二氧化碳当量，较 {3} {2}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="69"/>
        <source>kg CO2e per order</source>
        <translation>每单碳排放（千克二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="72"/>
        <source>kg CO2 per order</source>
        <translation>每单碳排放（千克二氧化碳）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="80"/>
        <location filename="../../core/chart_campaigns.py" line="140"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="84"/>
        <source>delivery emissions (reported, else distance × vehicle factor) ÷ orders; change against the campaign&apos;s baseline</source>
        <translation>配送排放（采用报告值，否则按里程 × 车型排放因子计算）÷ 订单数；变化幅度相对于该活动的基准活动</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="111"/>
        <source>{0} g</source>
        <translation>{0} 克</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="120"/>
        <source>{0}: {1} g per order; packaging {2}</source>
        <translation>{0}：每单 {1} 克；包装排放 {2}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="126"/>
        <source>{0}: {1} g per order, {2} vs {3}; packaging {4}</source>
        <translation>{0}：每单 {1} 克，较 {3} {2}；包装排放 {4}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="139"/>
        <source>g packaging per order</source>
        <translation>每单包装用量（克）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="145"/>
        <source>packaging kg ÷ orders, by material; t CO2e = kg × ((1 − recycled share) × material factor + recycled share × recycled factor)</source>
        <translation>各材料包装重量（千克）÷ 订单数；吨二氧化碳当量 = 千克 × ((1 − 再生料占比) × 材料排放因子 + 再生料占比 × 再生料排放因子)</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="202"/>
        <source>Initiatives</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="207"/>
        <source>Business units</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="208"/>
        <source>{0} (all initiatives)</source>
        <translation>{0}（全部举措）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="212"/>
        <source>Avoided (renewables, not in the inventory)</source>
        <translation>避免排放（可再生能源，不计入清单）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="213"/>
        <source>{0} renewable electricity</source>
        <translation>{0} 可再生电力</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="219"/>
        <source>Initiative reductions</source>
        <translation>举措减排量</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="220"/>
        <source>Business unit total</source>
        <translation>业务单元合计</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="221"/>
        <source>Avoided (beside the inventory)</source>
        <translation>避免排放（清单外单列）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="230"/>
        <source>Initiatives: {0}</source>
        <translation>减排举措：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="231"/>
        <source>Avoided by renewables (not netted): {0}</source>
        <translation>可再生能源避免排放（不抵扣）：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="238"/>
        <source>avoided: {0}</source>
        <translation>避免排放：{0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="247"/>
        <source>during {0}</source>
        <translation>{0} 期间</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="249"/>
        <source>initiatives: reduction as reported, else activity × factor; avoided = renewable kWh × grid factor, shown apart and never summed into the inventory</source>
        <translation>减排举措：采用报告的减排量，否则按活动量 × 排放因子计算；避免排放 = 可再生电量 × 电网排放因子，单独列示，不计入排放清单</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="160"/>
        <source>{0} grid factor</source>
        <translation>{0}电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="164"/>
        <source>{0} grid {1} kg CO2/kWh, {2} factor</source>
        <translation>{0}电网 {1} 千克二氧化碳/千瓦时，{2} 年因子</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="167"/>
        <source>{0} grid {1} kg CO2/kWh</source>
        <translation>{0}电网 {1} 千克二氧化碳/千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="314"/>
        <location filename="../../core/chart_campaigns.py" line="349"/>
        <location filename="../../core/chart_energy.py" line="195"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="205"/>
        <source>{0} renewable → {1} at the grid factor</source>
        <translation>可再生电量 {0} → 按电网排放因子折合 {1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="213"/>
        <source>{0} kg CO2/kWh</source>
        <translation>{0} 千克二氧化碳/千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="217"/>
        <source>Same kWh at {0}</source>
        <translation>同等电量按 {0} 计</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="225"/>
        <source>at {0}: {1}</source>
        <translation>按 {0} 计：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="236"/>
        <source>{0} avoided, cumulative</source>
        <translation>累计避免排放（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="241"/>
        <source>renewable kWh × the site&apos;s grid factor of the year, summed since the first year; beside the inventory, not deducted</source>
        <translation>可再生电量 × 站点所在电网当年的排放因子，自首年起累计；与排放清单并列报告，不作抵扣</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="272"/>
        <source>{0} location-based vs {1} market-based in all</source>
        <translation>合计：基于位置 {0}，基于市场 {1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="280"/>
        <source>Location-based</source>
        <translation>基于位置</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="286"/>
        <source>Market-based</source>
        <translation>基于市场</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="290"/>
        <source>Site and year</source>
        <translation>站点与年份</translation>
    </message>
    <message>
        <location filename="../../core/chart_energy.py" line="294"/>
        <source>GHG Protocol Scope 2: location = grid-delivered kWh × grid average; market = grid kWh × residual mix (else grid average), contractual renewables at zero</source>
        <translation>温室气体核算体系（GHG Protocol）范围二：基于位置 = 电网供电量 × 电网平均排放因子；基于市场 = 电网电量 × 剩余电力组合排放因子（无则用电网平均排放因子），合同约定的可再生电力按零计</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="288"/>
        <source>initiative reductions during {0}</source>
        <translation>{0}期间减排措施减排量</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="293"/>
        <source>initiative reductions, all years</source>
        <translation>减排措施减排量（全部年份）</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="297"/>
        <source>avoided by renewables during {0}</source>
        <translation>{0}期间可再生能源避免排放</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="358"/>
        <source>amount (t CO2e) × 1000 ÷ kg CO2e per unit; avoided emissions and initiative reductions are shown apart, never summed</source>
        <translation>数量（吨二氧化碳当量）× 1000 ÷ 每单位千克二氧化碳当量；避免排放与减排措施减排量分开列示，从不相加</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="299"/>
        <source>avoided by renewables in the selection</source>
        <translation>所选范围内可再生能源避免排放</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="313"/>
        <source>≈ {0}</source>
        <translation>约 {0}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="318"/>
        <source>{0} kg CO2e per {1}</source>
        <translation>每{1} {0} 千克二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="323"/>
        <source>≈ {0}: {1}</source>
        <translation>约 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="328"/>
        <source>Avoided by renewables, a separate figure not added: {0} ≈ {1}</source>
        <translation>可再生能源避免排放（另列，未相加）：{0} ≈ {1}</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="338"/>
        <source>Equivalent count</source>
        <translation>等效数量</translation>
    </message>
    <message>
        <location filename="../../core/chart_campaigns.py" line="344"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../gui/check_dialog.py" line="42"/>
        <location filename="../../gui/check_dialog.py" line="128"/>
        <location filename="../../gui/check_dialog.py" line="145"/>
        <source>Check workspace</source>
        <translation>检查工作区</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="48"/>
        <source>No findings: every check passed.</source>
        <translation>未发现问题：全部检查通过。</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="50"/>
        <source>{0} error(s), {1} warning(s). Errors would have been refused at import or count twice. Double-click a row to show it.</source>
        <translation>{0} 个错误，{1} 个警告。错误是导入时会被拒绝或被重复计算的数据。双击某行即可查看该行。</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="56"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="56"/>
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="60"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="60"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="126"/>
        <source>Checking every row of the workspace…</source>
        <translation>正在检查工作区的每一行…</translation>
    </message>
    <message>
        <location filename="../../gui/check_dialog.py" line="127"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../core/checks.py" line="78"/>
        <source>{0}: {1} – {2} overlaps {3} – {4}, so the same quantity counts twice; delete one of them</source>
        <translation>{0}：{1} – {2} 与 {3} – {4} 重叠，同一数量被计算两次；请删除其中一行</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="80"/>
        <source>{0}: {1} – {2} is the total of {3} other stored rows and is counted as well as them; delete the total</source>
        <translation>{0}：{1} – {2} 是另外 {3} 行已存数据的合计，却与它们一同被计入；请删除该合计行</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="82"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="83"/>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="84"/>
        <source>{0} {1}: no grid factor for {2}, so its Scope 2 and avoided emissions are not computed; add one on a Factors sheet</source>
        <translation>{0} {1}：{2} 没有电网排放因子，因此未计算其范围二排放和避免排放；请在 Factors 工作表中添加</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="87"/>
        <source>packaging material {0} has no factor, so its emissions are not computed; add one on a Factors sheet</source>
        <translation>包装材料 {0} 没有排放因子，因此未计算其排放；请在 Factors 工作表中添加</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="90"/>
        <source>{0} deliveries row(s) give neither Emissions nor a Distance with a Vehicle, so the emissions and kg per order of their campaigns are not computed</source>
        <translation>{0} 行配送记录既无排放量也无里程和车辆，因此其所属活动的排放和每单排放无法计算</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="93"/>
        <source>deliveries of {0} with vehicle {1} have a distance but no Emissions and no factor for the vehicle (for an electric one: no grid factor for its Country), so their campaigns&apos; emissions and kg per order are not computed</source>
        <translation>{0} 使用车辆 {1} 的配送记录有里程，但既无排放量也无该车辆的排放因子（电动车：其国家没有电网排放因子），因此所属活动的排放和每单排放无法计算</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="296"/>
        <source>no findings: every check passed</source>
        <translation>未发现问题：全部检查通过</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="299"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="299"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="302"/>
        <source>rows: {0}</source>
        <translation>所在行：{0}</translation>
    </message>
    <message>
        <location filename="../../core/checks.py" line="304"/>
        <source>{0} error(s), {1} warning(s)</source>
        <translation>{0} 个错误，{1} 个警告</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../gui/cli_import.py" line="128"/>
        <source>{0}: nothing new; every row is already in the workspace (this file, byte for byte, was imported or checked with these options at {1} and the workspace has not changed since, so it was not read again; --recheck reads and checks it again)</source>
        <translation>{0}：没有新内容；每一行都已在工作区中（此文件逐字节相同，已于 {1} 以相同选项导入或检查过，且此后工作区未曾更改，因此未再次读取；使用 --recheck 可重新读取并检查）</translation>
    </message>
    <message>
        <location filename="../../gui/cli_import.py" line="171"/>
        <source>could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/cli_import.py" line="175"/>
        <source>wrote {0}: {1} bad cell(s) highlighted and commented, every problem on its Problems sheet</source>
        <translation>已写入 {0}：{1} 个有问题的单元格已标出并加批注，全部问题列在“问题”工作表上</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="11"/>
        <source>name it with --sheet to import it</source>
        <translation>用 --sheet 指明该工作表即可导入</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="12"/>
        <source>give its row number with --header-row N and map the columns with --map</source>
        <translation>用 --header-row N 给出表头所在行号，并用 --map 对应各列</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="13"/>
        <source>say it with --period YEAR</source>
        <translation>用 --period 年份 说明年份</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="14"/>
        <source>map the columns with --kind and --map, or write a template with `greenledger template`</source>
        <translation>用 --kind 和 --map 对应各列，或用 `greenledger template` 生成模板</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="15"/>
        <source>give --unit {field}=UNIT with the unit its figures are in (kWh, MWh, 万千瓦时 …: the sheet&apos;s, not an example)</source>
        <translation>给出 --unit {field}=单位，即这些数字实际所用的单位（kWh、MWh、万千瓦时 …：以表格为准，不是示例）</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="16"/>
        <source>give --measure {field} and --unit</source>
        <translation>给出 --measure {field} 和 --unit</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="17"/>
        <source>map the one meant with --map &quot;HEADER={field}&quot; and the others to ignore</source>
        <translation>用 --map &quot;表头={field}&quot; 指定要用的一列，其余设为 ignore</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="18"/>
        <source>name the one to import with --map &quot;HEADER=FIELD&quot;</source>
        <translation>用 --map &quot;表头=字段&quot; 指定要导入的那一组</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="19"/>
        <source>say it is {field} (--map &quot;{header}={field}&quot;) or something else (--map &quot;{header}=ignore&quot;)</source>
        <translation>说明它是 {field}（--map &quot;{header}={field}&quot;）或是其他数据（--map &quot;{header}=ignore&quot;）</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="20"/>
        <source>leave it out with --map &quot;{header}=ignore&quot;</source>
        <translation>用 --map &quot;{header}=ignore&quot; 略过此列</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="21"/>
        <source>import it with --header-row {row}</source>
        <translation>用 --header-row {row} 导入该表格</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="22"/>
        <source>import it with --kind {kind}</source>
        <translation>用 --kind {kind} 导入该表格</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="23"/>
        <source>import them one at a time with --sheet</source>
        <translation>用 --sheet 逐个导入</translation>
    </message>
    <message>
        <location filename="../../gui/cli_hints.py" line="24"/>
        <source>the sheet&apos;s {stated} wins over {given}: give --unit {field}={stated} (it replaces the profile&apos;s or the option&apos;s {given}); only if the sheet&apos;s {stated} is wrong, correct the sheet</source>
        <translation>以工作表写的 {stated} 为准，而不是 {given}：请给出 --unit {field}={stated}（它取代导入方案或选项中的 {given}）；只有当工作表的 {stated} 有误时，才去改工作表</translation>
    </message>
    <message>
        <location filename="../../gui/cli.py" line="387"/>
        <source>Aggregates rebuilt: {groups} groups from {energy_rows} energy rows in {seconds:.2f} s</source>
        <translation>汇总已重建：{energy_rows} 条能源记录，{groups} 组，用时 {seconds:.2f} 秒</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../gui/factors_view.py" line="17"/>
        <location filename="../../gui/field_labels.py" line="7"/>
        <source>Key</source>
        <translation>因子键</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="18"/>
        <location filename="../../gui/field_labels.py" line="8"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="19"/>
        <location filename="../../gui/field_labels.py" line="9"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="20"/>
        <location filename="../../gui/field_labels.py" line="10"/>
        <location filename="../../gui/problems_dialog.py" line="34"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="21"/>
        <location filename="../../gui/field_labels.py" line="11"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="22"/>
        <source>Gas basis</source>
        <translation>气体口径</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="23"/>
        <location filename="../../gui/field_labels.py" line="12"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="24"/>
        <source>Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="25"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="13"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="14"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="15"/>
        <source>Grid region</source>
        <translation>电网区域</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="16"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="17"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="18"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="19"/>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="20"/>
        <source>Baseline</source>
        <translation>基准活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="21"/>
        <source>Period start</source>
        <translation>期间开始</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="22"/>
        <source>Period end</source>
        <translation>期间结束</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="23"/>
        <source>Energy (kWh)</source>
        <translation>电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="24"/>
        <source>Instrument</source>
        <translation>采购方式</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="25"/>
        <source>Business unit</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="26"/>
        <location filename="../../gui/record_model.py" line="94"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="27"/>
        <source>Vehicle</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="28"/>
        <source>Distance (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="29"/>
        <location filename="../../gui/record_model.py" line="48"/>
        <location filename="../../gui/record_model.py" line="76"/>
        <source>Emissions (t CO2e)</source>
        <translation>排放量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="30"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="31"/>
        <source>Quantity (kg)</source>
        <translation>数量（千克）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="32"/>
        <source>Recycled content (%)</source>
        <translation>再生料含量（%）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="33"/>
        <source>Initiative</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="34"/>
        <source>Activity</source>
        <translation>活动量</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="35"/>
        <source>Activity unit</source>
        <translation>活动量单位</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="36"/>
        <source>Factor (kg CO2e per unit)</source>
        <translation>因子（千克二氧化碳当量/单位）</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="37"/>
        <source>Reduction (t CO2e)</source>
        <translation>减排量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="12"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="13"/>
        <location filename="../../gui/problems_dialog.py" line="30"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="14"/>
        <source>Imported at (UTC)</source>
        <translation>导入时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="15"/>
        <source>Sheets</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="16"/>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="17"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="18"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="19"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="20"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="31"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="32"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="33"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="35"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="42"/>
        <source>Grid factor (kg CO2/kWh)</source>
        <translation>电网排放因子（千克二氧化碳/千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="52"/>
        <source>Location-based Scope 2 (grid-delivered kWh × grid factor); Scope 1 for diesel</source>
        <translation>基于位置的范围二排放（电网供电量 × 电网排放因子）；柴油计入范围一</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="57"/>
        <location filename="../../gui/record_model.py" line="91"/>
        <location filename="../../gui/record_model.py" line="113"/>
        <source>Avoided (t CO2e)</source>
        <translation>避免排放（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="61"/>
        <source>Renewable kWh × grid factor: reported beside the inventory, never netted</source>
        <translation>可再生电量 × 电网排放因子：与排放清单并列报告，不作抵扣</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="67"/>
        <source>Emissions used (t CO2e)</source>
        <translation>采用的排放量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="69"/>
        <location filename="../../gui/record_model.py" line="102"/>
        <source>Intensity (kg CO2e/order)</source>
        <translation>碳排放强度（千克二氧化碳当量/单）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="80"/>
        <source>Reduction used (t CO2e)</source>
        <translation>采用的减排量（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="84"/>
        <source>Energy, all years (kWh)</source>
        <translation>历年总电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="86"/>
        <source>Renewable share (%)</source>
        <translation>可再生能源占比（%）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="96"/>
        <source>Delivery emissions (t CO2e)</source>
        <translation>配送排放（吨二氧化碳当量）</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="108"/>
        <source>Change vs baseline (%)</source>
        <translation>较基准变化（%）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../core/key_figures.py" line="47"/>
        <source>kt CO2e</source>
        <translation>千吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="47"/>
        <source>t CO2e</source>
        <translation>吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="98"/>
        <source>Delivery intensity, {0} vs {1}</source>
        <translation>配送碳排放强度：{0} 对比 {1}</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="96"/>
        <source>{0} kg CO2e per order, was {1}</source>
        <translation>每单 {0} 千克二氧化碳当量，此前为 {1}</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="46"/>
        <source>kt CO2</source>
        <translation>千吨二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="46"/>
        <source>t CO2</source>
        <translation>吨二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="65"/>
        <source>{0}; {1}</source>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="95"/>
        <source>{0} kg CO2 per order, was {1}</source>
        <translation>每单 {0} 千克二氧化碳，此前 {1}</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="113"/>
        <source>Renewable share, {0} {1}</source>
        <translation>可再生能源占比：{0}（{1} 年）</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="116"/>
        <source>{0} of {1} kWh</source>
        <translation>{1} 千瓦时中的 {0} 千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="123"/>
        <source>Avoided emissions, {0}</source>
        <translation>避免排放（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="125"/>
        <source>renewable kWh × grid factor; beside the inventory, not deducted</source>
        <translation>可再生电量 × 电网排放因子；与清单并列，不作抵扣</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="133"/>
        <source>Initiative reductions</source>
        <translation>减排举措的减排量</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="135"/>
        <source>{0} initiatives</source>
        <translation>{0} 项举措</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="140"/>
        <source>Initiative reductions, as {0}</source>
        <translation>减排措施减排量折合{0}</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="149"/>
        <source>Possible double counts</source>
        <translation>可能的重复计算</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="153"/>
        <source> (View › Check workspace lists them with their rows)</source>
        <translation>（“视图 › 检查工作区”列出这些问题及其所在行）</translation>
    </message>
    <message>
        <location filename="../../core/key_figures.py" line="73"/>
        <source>{0}; {1} kg CO2e each ({2})</source>
        <translation>{0}；每单位 {1} 千克二氧化碳当量（{2}）</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../gui/dashboard_view.py" line="186"/>
        <location filename="../../gui/dashboard_view.py" line="276"/>
        <source>Drawing charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="218"/>
        <source>&lt;h2&gt;This workspace is empty&lt;/h2&gt;&lt;p&gt;Import a workbook of your energy, deliveries, packaging and initiatives (File › Import workbook, Ctrl+I, or drop the file on this window).&lt;br&gt;No workbook yet? Download the template, fill it in, and import it.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;此工作区还没有数据&lt;/h2&gt;&lt;p&gt;请导入包含能源、配送、包装和减排举措数据的工作簿（文件 › 导入工作簿，Ctrl+I，或将文件拖到本窗口）。&lt;br&gt;还没有工作簿？下载模板，填写后再导入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="227"/>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="228"/>
        <source>Download &amp;template…</source>
        <translation>下载模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="259"/>
        <source>Reading the workspace&apos;s figures…</source>
        <translation>正在读取工作区的数据…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="264"/>
        <source>The workspace&apos;s figures could not be read: {0}</source>
        <translation>无法读取工作区的数据：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="366"/>
        <source>No chart has data for these filters.</source>
        <translation>当前筛选条件下没有可显示的图表数据。</translation>
    </message>
</context>
<context>
    <name>Deck</name>
    <message>
        <location filename="../../gui/charts/deck.py" line="115"/>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="66"/>
        <location filename="../../gui/charts/deck_story.py" line="82"/>
        <source>Method: {0}</source>
        <translation>计算方法：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="70"/>
        <location filename="../../gui/charts/deck_story.py" line="87"/>
        <source>Period: {0}</source>
        <translation>期间：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="73"/>
        <location filename="../../gui/charts/deck_story.py" line="100"/>
        <source>Factors: {0}</source>
        <translation>排放因子：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="74"/>
        <location filename="../../gui/charts/deck.py" line="123"/>
        <location filename="../../gui/charts/deck_story.py" line="99"/>
        <location filename="../../gui/charts/deck_story.py" line="113"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="76"/>
        <location filename="../../gui/charts/deck_story.py" line="102"/>
        <source>No emission factor is used: kWh as reported</source>
        <translation>未使用排放因子：电量按报告值计</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="78"/>
        <source>Made with GreenLedger {0}; data fingerprint (SHA-256) {1}</source>
        <translation>由 GreenLedger {0} 生成；数据指纹（SHA-256）{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="123"/>
        <source>More key figures: {0}.</source>
        <translation>更多关键数据：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="134"/>
        <source>{0}, from {1}</source>
        <translation>{0}，来自 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="155"/>
        <source>each tree = {0} {1}; factor {2}</source>
        <translation>每棵树 = {0} {1}；换算因子 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="214"/>
        <location filename="../../gui/charts/deck_story.py" line="107"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="215"/>
        <source>Data {0} · {1}</source>
        <translation>数据 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="225"/>
        <source>Figures from workspace {0}, {1}. Each slide&apos;s notes give its method, period, filters and factors.</source>
        <translation>数据来自工作区 {0}，{1}。每页备注列出计算方法、期间、筛选条件和排放因子。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="264"/>
        <source>{0}: carbon figures for {1}</source>
        <translation>{0}：{1} 碳排放数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="71"/>
        <location filename="../../gui/charts/deck_story.py" line="91"/>
        <source>Filters: {0}</source>
        <translation>筛选条件：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="265"/>
        <source>{0}: carbon figures</source>
        <translation>{0}：碳排放数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck.py" line="278"/>
        <source>Workspace {0}; filters: {1}</source>
        <translation>工作区 {0}；筛选条件：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="40"/>
        <source>{0} against its baseline {1}</source>
        <translation>{0} 对比基线 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="41"/>
        <source>Key figures; the notes give the rows and factors of each</source>
        <translation>关键数据；备注列出每项数据的来源行和排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="43"/>
        <source>Key figures of the latest campaign with a baseline; the notes give the rows and factors of each</source>
        <translation>关键数据（最近一个设有基线的活动）；备注列出每项数据的来源行和排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="82"/>
        <source>carbon per order is delivery emissions ÷ orders, against the baseline campaign; renewable share is renewable kWh ÷ all kWh; avoided emissions are renewable kWh × the grid factor, beside the inventory and never deducted; each initiative&apos;s reduction is given or activity × factor, with its own equivalent</source>
        <translation>单均碳排放 = 配送排放 ÷ 订单数，与基线活动对比；可再生能源占比 = 可再生能源电量 ÷ 总电量；避免排放 = 可再生能源电量 × 电网排放因子，与排放清单并列报告，从不抵扣；各减排举措的减排量为直接填报或活动量 × 排放因子，并各自换算等效量</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="87"/>
        <source>{0} ({1}) against {2} ({3})</source>
        <translation>{0}（{1}）对比 {2}（{3}）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="104"/>
        <source>No campaign was chosen: this is the latest campaign that has a baseline</source>
        <translation>未选择活动：此为最近一个设有基线的活动</translation>
    </message>
    <message>
        <location filename="../../gui/charts/deck_story.py" line="109"/>
        <location filename="../../gui/charts/deck_story.py" line="110"/>
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
</context>
<context>
    <name>DryRun</name>
    <message>
        <location filename="../../core/importing/describe.py" line="82"/>
        <source>{0} (hidden)</source>
        <translation>{0}（隐藏）</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="84"/>
        <source>{0}: not imported: {1}</source>
        <translation>{0}：未导入：{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="86"/>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="87"/>
        <location filename="../../core/importing/describe.py" line="128"/>
        <source>confidence {0}</source>
        <translation>置信度 {0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="91"/>
        <source>layout: {0}</source>
        <translation>布局：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="95"/>
        <source>ignored row {0}: {1}</source>
        <translation>忽略第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="99"/>
        <source>unit stated in {0}: {1}</source>
        <translation>单位见{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="101"/>
        <source>year of the month headers from {0}: {1}</source>
        <translation>月份表头的年份取自{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="103"/>
        <source>columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="112"/>
        <source>{0}–{1} {2} … {3} → {4} ({5} {6} columns, period from the header</source>
        <translation>{0}–{1} {2} … {3} → {4}（{5} 个 {6} 列，期间取自表头</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="119"/>
        <source>ignored ({0})</source>
        <translation>忽略（{0}）</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="123"/>
        <source>unit {0} from {1}</source>
        <translation>单位 {0}，来自{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="125"/>
        <source>unit {0}</source>
        <translation>单位 {0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="132"/>
        <source>(every row) {0} = {1}</source>
        <translation>（每一行）{0} = {1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="134"/>
        <source>rows: {0}</source>
        <translation>行数：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="138"/>
        <source>total {0}: {1}</source>
        <translation>{0} 合计：{1}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="140"/>
        <source>total: {0}</source>
        <translation>合计核对：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="142"/>
        <source>warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="144"/>
        <source>problem: {0}</source>
        <translation>问题：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="146"/>
        <source>problems: {0}</source>
        <translation>问题数：{0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="147"/>
        <source>problems: none</source>
        <translation>问题：无</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../gui/edit_controller.py" line="47"/>
        <source>read-only: this workspace is open in another GreenLedger window; close it there to make changes here</source>
        <translation>只读：此工作区已在另一个 GreenLedger 窗口中打开；请先在那里关闭，才能在此修改</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="51"/>
        <source>{0} rows are being written: no other edit until they are done (or cancelled)</source>
        <translation>正在写入 {0} 行：写完（或取消）之前不能做其他修改</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="53"/>
        <source>Cancelled: nothing was changed</source>
        <translation>已取消：未做任何修改</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="54"/>
        <source>Undoing {0} ({1} rows)…</source>
        <translation>正在撤销“{0}”（{1} 行）…</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="55"/>
        <source>Redoing {0} ({1} rows)…</source>
        <translation>正在重做“{0}”（{1} 行）…</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="56"/>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="57"/>
        <source>Redone: {0}</source>
        <translation>已重做：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="160"/>
        <source>Undo import of {0}</source>
        <translation>撤销导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="176"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="387"/>
        <source>Pasting {0} rows…</source>
        <translation>正在粘贴 {0} 行…</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="394"/>
        <source>the workspace is closed</source>
        <translation>工作区已关闭</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="405"/>
        <source>Delete {0} row(s)</source>
        <translation>删除 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="416"/>
        <source>Deleting {0} rows…</source>
        <translation>正在删除 {0} 行…</translation>
    </message>
</context>
<context>
    <name>EditStatusView</name>
    <message>
        <location filename="../../gui/edit_controller.py" line="72"/>
        <source>no other edit until done</source>
        <translation>完成前不能做其他修改</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="73"/>
        <source>Cancel leaves the workspace as it was before</source>
        <translation>取消后工作区保持原样</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/edit_controller.py" line="91"/>
        <source>Cancelling: rolling back…</source>
        <translation>正在取消：回滚已写入的部分…</translation>
    </message>
</context>
<context>
    <name>Equivalents</name>
    <message>
        <location filename="../../core/equivalents.py" line="24"/>
        <source>Haloxylon (梭梭) trees planted, Ant Forest convention</source>
        <translation>种植梭梭树（蚂蚁森林口径）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="25"/>
        <source>trees</source>
        <translation>棵</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="26"/>
        <source>Ant Forest asks 17.9 kg of &apos;green energy&apos; per tree: an energy score, not a measured sequestration</source>
        <translation>蚂蚁森林每棵梭梭需 17.9 千克“绿色能量”：这是能量积分，并非实测固碳量</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="34"/>
        <source>urban tree seedlings grown for 10 years (US EPA)</source>
        <translation>城市树苗生长 10 年（美国环保署）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="35"/>
        <source>seedlings</source>
        <translation>株</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="39"/>
        <source>gasoline passenger cars driven for one year (US EPA)</source>
        <translation>汽油乘用车行驶一年（美国环保署）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="40"/>
        <source>cars</source>
        <translation>辆</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="44"/>
        <source>homes&apos; electricity use for one year (US EPA)</source>
        <translation>家庭一年用电（美国环保署）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="45"/>
        <source>homes</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="49"/>
        <source>smartphones charged (US EPA)</source>
        <translation>智能手机充电（美国环保署）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="50"/>
        <source>charges</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="54"/>
        <source>km driven by an average gasoline car (US EPA)</source>
        <translation>普通汽油车行驶里程（美国环保署）</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="56"/>
        <source>EPA publishes a per-mile figure; per km = per mile ÷ 1.609344</source>
        <translation>美国环保署公布的是每英里数值；每公里 = 每英里 ÷ 1.609344</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="61"/>
        <source>tree</source>
        <translation>棵梭梭</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="62"/>
        <source>seedling</source>
        <translation>株树苗</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="63"/>
        <source>car</source>
        <translation>辆车</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="64"/>
        <source>home</source>
        <translation>户家庭</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="65"/>
        <source>charge</source>
        <translation>次充电</translation>
    </message>
    <message>
        <location filename="../../core/equivalents.py" line="66"/>
        <source>km</source>
        <translation>公里</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../gui/error_dialog.py" line="31"/>
        <source>GreenLedger: unexpected error</source>
        <translation>GreenLedger：意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/error_dialog.py" line="35"/>
        <source>&lt;b&gt;Something went wrong.&lt;/b&gt;&lt;br&gt;{0}&lt;br&gt;&lt;br&gt;Nothing you entered before this was lost: every change is saved as it is made. The details were written to {1}.</source>
        <translation>&lt;b&gt;出现了问题。&lt;/b&gt;&lt;br&gt;{0}&lt;br&gt;&lt;br&gt;此前输入的内容都没有丢失：每次修改都会立即保存。详细信息已写入 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_dialog.py" line="45"/>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ErrorWorkbook</name>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="38"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="38"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="39"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="39"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="40"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="40"/>
        <source>Full message</source>
        <translation>完整信息</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="113"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../core/importing/error_workbook.py" line="119"/>
        <source>{0} (was {1})</source>
        <translation>{0}（原值 {1}）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="33"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="34"/>
        <source>SVG vector image</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="35"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="36"/>
        <source>Data as Excel workbook</source>
        <translation>数据（Excel 工作簿）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="37"/>
        <source>Data as CSV</source>
        <translation>数据（CSV）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="38"/>
        <source>16:9 slide (1920 × 1080)</source>
        <translation>16:9 幻灯片（1920 × 1080）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="39"/>
        <source>4:3 slide (1440 × 1080)</source>
        <translation>4:3 幻灯片（1440 × 1080）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="40"/>
        <source>A4 width at 300 dpi (2480 × 1748)</source>
        <translation>A4 宽度，300 dpi（2480 × 1748）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="41"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="50"/>
        <location filename="../../gui/charts/export_dialog.py" line="182"/>
        <location filename="../../gui/charts/export_dialog.py" line="211"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="58"/>
        <source>Every chart as a PowerPoint deck (.pptx)</source>
        <translation>全部图表导出为 PowerPoint 演示文稿（.pptx）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="68"/>
        <source>&amp;Transparent background</source>
        <translation>透明背景(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="69"/>
        <source>Large quantities in 万/亿 (4.5 亿千瓦时, 40 万吨)</source>
        <translation>大数值以万/亿为单位（如 4.5 亿千瓦时、40 万吨）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="79"/>
        <source>&amp;Chart:</source>
        <translation>图表(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="80"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="81"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="82"/>
        <source>Pixels:</source>
        <translation>像素：</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="86"/>
        <source>Filters: {0}</source>
        <translation>筛选条件：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="89"/>
        <source>no chart has data for these filters</source>
        <translation>当前筛选条件下没有图表有数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="93"/>
        <source>Copy to c&amp;lipboard</source>
        <translation>复制到剪贴板(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="95"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="162"/>
        <source>{0} × {1} px, {2:.1f} × {3:.1f} cm at {4} dpi</source>
        <translation>{0} × {1} 像素，{2:.1f} × {3:.1f} 厘米（{4} dpi）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/export_dialog.py" line="212"/>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>FactorsView</name>
    <message>
        <location filename="../../gui/factors_view.py" line="58"/>
        <source>No workspace factors: every figure uses the built-in library below. Add one to override a library factor.</source>
        <translation>工作区中没有自定义因子：所有数据均使用下方的内置因子库。添加一个因子即可覆盖因子库中的对应因子。</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="69"/>
        <source>&lt;b&gt;Workspace factors&lt;/b&gt; (editable; they win over the library)</source>
        <translation>&lt;b&gt;工作区因子&lt;/b&gt;（可编辑；优先于因子库）</translation>
    </message>
    <message>
        <location filename="../../gui/factors_view.py" line="85"/>
        <source>&lt;b&gt;Built-in library {0}&lt;/b&gt; (read-only, {1} factors)</source>
        <translation>&lt;b&gt;内置因子库 {0}&lt;/b&gt;（只读，共 {1} 个因子）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/dashboard_view.py" line="85"/>
        <source>t CO2e</source>
        <translation>吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="86"/>
        <source>kt CO2e</source>
        <translation>千吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="92"/>
        <source>&amp;Site:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="93"/>
        <source>&amp;Campaign:</source>
        <translation>活动(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="94"/>
        <source>&amp;Years:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="96"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="104"/>
        <source>&amp;Reset filters</source>
        <translation>重置筛选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="117"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="118"/>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="119"/>
        <source>first</source>
        <translation>最早</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_view.py" line="120"/>
        <source>last</source>
        <translation>最晚</translation>
    </message>
</context>
<context>
    <name>ImportAssistant</name>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="90"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="66"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="91"/>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="94"/>
        <source>detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="95"/>
        <source>The row number of the sheet&apos;s header, where it is not found by itself</source>
        <translation>工作表表头所在的行号（表头未被自动识别时填写）</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="97"/>
        <source>from headers</source>
        <translation>取自表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="98"/>
        <source>The year of month headers that give none (1月, Jan)</source>
        <translation>表头只写月份时（如 1月、Jan）所属的年份</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="100"/>
        <source>&amp;Save as profile…</source>
        <translation>保存为方案(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="101"/>
        <source>Skip &amp;hidden rows and columns</source>
        <translation>跳过隐藏的行和列(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="102"/>
        <source>Leave out the rows and columns hidden in Excel (filtered out, or kept for reference). By default they are read, as Excel&apos;s SUM reads them, and listed as warnings.</source>
        <translation>不导入在 Excel 中隐藏的行和列（被筛选掉的，或仅留作参考的）。默认会读取它们（与 Excel 的 SUM 一样），并列为警告。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="108"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="109"/>
        <source>Header &amp;row:</source>
        <translation>表头行(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="110"/>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="111"/>
        <source>&amp;Profile:</source>
        <translation>导入方案(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="176"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="177"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="178"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="179"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="180"/>
        <source>How</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="117"/>
        <source>Rows as they will be stored</source>
        <translation>将要保存的行</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="47"/>
        <source>Save &amp;marked workbook…</source>
        <translation>保存标注后的工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="48"/>
        <source>A copy of the workbook with every bad cell filled and commented with the reason: fix it in Excel, import again</source>
        <translation>工作簿副本：每个有问题的单元格都会着色并加批注说明原因；在 Excel 中改正后重新导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="118"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="119"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="137"/>
        <source>This file cannot be imported.</source>
        <translation>此文件无法导入。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="161"/>
        <source>The file changed on disk after it was read: it was read again — check it, then Import</source>
        <translation>文件在读取之后已在磁盘上被修改：已重新读取 — 请检查后再导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="170"/>
        <source>Analysing {0}…</source>
        <translation>正在分析 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="262"/>
        <source>&amp;Import {0} rows</source>
        <translation>导入 {0} 行(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="264"/>
        <source>{0} sheet(s) to import, {1} rows; {2} problem(s)</source>
        <translation>待导入 {0} 个工作表，共 {1} 行；{2} 个问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="275"/>
        <source>Not imported: {0}</source>
        <translation>不导入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="277"/>
        <source>GreenLedger template sheet ({0}): {1} rows</source>
        <translation>GreenLedger 模板工作表（{0}）：{1} 行</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="283"/>
        <source>{0} sheet, {1:.0%} sure · {2} · {3} rows</source>
        <translation>{0}工作表，把握 {1:.0%} · {2} · {3} 行</translation>
    </message>
    <message>
        <location filename="../../gui/import_profiles.py" line="50"/>
        <source>profile “{0}” applied</source>
        <translation>已应用方案“{0}”</translation>
    </message>
    <message>
        <location filename="../../gui/import_profiles.py" line="53"/>
        <source>profile “{0}” fits these headers but was saved for sheet “{1}”: choose it under Profile if this sheet holds the same figures</source>
        <translation>配置“{0}”与这些表头相符，但它是为工作表“{1}”保存的：如果本表的数据相同，请在“配置”中选择它</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="63"/>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="70"/>
        <source>{0} of {1}</source>
        <translation>{1} 的{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="89"/>
        <source>each row&apos;s own ({0})</source>
        <translation>每行各自的单位（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="92"/>
        <source>each cell&apos;s own</source>
        <translation>每个单元格各自的单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="131"/>
        <source>Sets every column under “{0}”</source>
        <translation>设置“{0}”下的所有列</translation>
    </message>
    <message>
        <location filename="../../gui/import_mapping_model.py" line="134"/>
        <source>unit from: {0}</source>
        <translation>单位来源：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="101"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../gui/import_preview_model.py" line="75"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/import_preview_model.py" line="82"/>
        <source>Totals as stored: {0}</source>
        <translation>保存后的合计：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_preview_model.py" line="86"/>
        <source>The sheet&apos;s totals: {0}</source>
        <translation>工作表自带的合计：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="60"/>
        <source>Warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="72"/>
        <source>Problems ({0})</source>
        <translation>问题（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="73"/>
        <source>Problems ({0}), warnings ({1})</source>
        <translation>问题（{0}），警告（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="85"/>
        <source>Save marked workbook</source>
        <translation>保存标注后的工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/import_problems_view.py" line="89"/>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog_layout.py" line="122"/>
        <location filename="../../gui/import_profiles.py" line="31"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/import_profiles.py" line="66"/>
        <location filename="../../gui/import_profiles.py" line="75"/>
        <source>Save profile</source>
        <translation>保存导入方案</translation>
    </message>
    <message>
        <location filename="../../gui/import_profiles.py" line="67"/>
        <source>Profile name:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <location filename="../../gui/import_profiles.py" line="81"/>
        <source>Profile “{0}” saved in this workspace</source>
        <translation>方案“{0}”已保存到此工作区</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="118"/>
        <location filename="../../gui/import_texts.py" line="17"/>
        <source>synonym</source>
        <translation>同义词</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="119"/>
        <location filename="../../gui/import_texts.py" line="18"/>
        <source>synonym + unit</source>
        <translation>同义词 + 单位</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="121"/>
        <location filename="../../gui/import_texts.py" line="19"/>
        <source>partial</source>
        <translation>部分匹配</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="122"/>
        <location filename="../../gui/import_texts.py" line="20"/>
        <source>explicit</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="117"/>
        <location filename="../../gui/import_texts.py" line="21"/>
        <source>template header</source>
        <translation>模板表头</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="123"/>
        <location filename="../../gui/import_texts.py" line="22"/>
        <source>period header</source>
        <translation>期间表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="23"/>
        <source>period header + --period year</source>
        <translation>期间表头 + 指定年份</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="38"/>
        <source>period header + the year chosen above</source>
        <translation>期间表头 + 上方选择的年份</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="89"/>
        <source>{0}; transposed: periods down rows {1}–{2}, columns {3}–{4} across</source>
        <translation>{0}；转置：期间在第 {1}–{2} 行向下排列，{3}–{4} 列横向排列</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="103"/>
        <source>chosen here or in a profile</source>
        <translation>在此处或导入方案中选择</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="114"/>
        <source>Meters summed</source>
        <translation>合计的电表</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="124"/>
        <location filename="../../gui/import_texts.py" line="24"/>
        <source>period header + year from the title</source>
        <translation>期间表头 + 标题中的年份</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="120"/>
        <location filename="../../gui/import_texts.py" line="25"/>
        <source>unit header</source>
        <translation>单位表头</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="125"/>
        <source>period header + the year given</source>
        <translation>期间表头 + 指定的年份</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="129"/>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="130"/>
        <source>units row</source>
        <translation>单位行</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="131"/>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="132"/>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="133"/>
        <source>header cell &apos;{0}&apos;</source>
        <translation>表头单元格“{0}”</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="134"/>
        <source>the sheet name</source>
        <translation>工作表名称</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="135"/>
        <source>the unit column {0}</source>
        <translation>单位列 {0}</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="136"/>
        <source>its cells</source>
        <translation>其单元格</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="140"/>
        <location filename="../../gui/import_texts.py" line="26"/>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="141"/>
        <location filename="../../gui/import_texts.py" line="27"/>
        <source>ignored as asked</source>
        <translation>按要求忽略</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="143"/>
        <location filename="../../gui/import_texts.py" line="28"/>
        <source>money, not a quantity</source>
        <translation>金额，不是数量</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="144"/>
        <location filename="../../gui/import_texts.py" line="29"/>
        <source>under &apos;{0}&apos;</source>
        <translation>位于“{0}”之下</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="145"/>
        <location filename="../../gui/import_texts.py" line="30"/>
        <source>under &apos;{0}&apos;; the imported columns are under &apos;{1}&apos;</source>
        <translation>位于“{0}”之下；导入的是“{1}”下的列</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="146"/>
        <location filename="../../gui/import_texts.py" line="31"/>
        <source>under no header; the imported columns are under &apos;{0}&apos;</source>
        <translation>上方无表头；导入的是“{0}”下的列</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="147"/>
        <location filename="../../gui/import_texts.py" line="32"/>
        <source>period column of an unclear measure</source>
        <translation>期间列，所含数量不明</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="148"/>
        <location filename="../../gui/import_texts.py" line="33"/>
        <source>a quarter over the month columns (their total)</source>
        <translation>覆盖各月列的季度列（即其合计）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="149"/>
        <location filename="../../gui/import_texts.py" line="34"/>
        <source>a year over the month columns (their total)</source>
        <translation>覆盖各月列的年度列（即其合计）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="150"/>
        <location filename="../../gui/import_texts.py" line="35"/>
        <source>a year over the quarter columns (their total)</source>
        <translation>覆盖各季度列的年度列（即其合计）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="151"/>
        <location filename="../../gui/import_texts.py" line="36"/>
        <source>a second column for {0}</source>
        <translation>{0} 的第二列</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="153"/>
        <source>each row&apos;s meter: a site&apos;s rows of one period are summed over it</source>
        <translation>每行的电表：同一站点同一期间的各行按电表合计</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="155"/>
        <source>a saving, target, forecast, last year&apos;s, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the total itself</source>
        <translation>节约量、目标、预测、上年、平均、每单、已取消、退货或同比的数值（或费率、电表读数、上网或送出的量），不是总量本身</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="168"/>
        <source>not a table GreenLedger knows; as {kind} it lacks {missing} (&apos;{header}&apos; is a saving, target, forecast, last year&apos;s, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the total itself)</source>
        <translation>不是 GreenLedger 可识别的表格；作为 {kind} 缺少 {missing}（“{header}”是节约量、目标、预测、上年、平均、每单、已取消、退货或同比的数值（或费率、电表读数、上网或送出的量），不是总量本身）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="187"/>
        <source>drop one</source>
        <translation>请去掉其中一个</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="164"/>
        <source>hidden sheet</source>
        <translation>隐藏的工作表</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="165"/>
        <source>no header row found (no known column headers in the first 30 rows)</source>
        <translation>未找到表头行（前 30 行中没有可识别的列标题）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="166"/>
        <source>not a table GreenLedger knows; as {kind} it lacks {missing}</source>
        <translation>不是 GreenLedger 可识别的表格；作为 {kind} 缺少 {missing}</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="167"/>
        <source>not a table GreenLedger knows; as {kind} it lacks {missing} (its month headers {month} … give no year)</source>
        <translation>不是 GreenLedger 可识别的表格；作为 {kind} 缺少 {missing}（月份表头 {month} … 未写年份）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="172"/>
        <source>name the sheet to import it</source>
        <translation>指明该工作表即可导入</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="173"/>
        <source>give the header&apos;s row number and map the columns</source>
        <translation>给出表头所在行号并对应各列</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="174"/>
        <source>give the year of the month headers</source>
        <translation>给出月份表头的年份</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="175"/>
        <source>choose the kind of rows and map the columns, or write a template</source>
        <translation>选择数据类型并对应各列，或使用模板</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="176"/>
        <source>give the unit of {field} (e.g. {unit})</source>
        <translation>给出 {field} 的单位（例如 {unit}）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="177"/>
        <source>say what the period columns hold ({field}) and their unit</source>
        <translation>说明这些期间列是什么数据（{field}）及其单位</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="178"/>
        <source>map the column meant to {field} and the others to ignore</source>
        <translation>把要用的一列对应到 {field}，其余设为忽略</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="179"/>
        <source>map the header over the period columns to import to its field</source>
        <translation>把要导入的那组期间列上方的表头对应到其字段</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="180"/>
        <source>map &apos;{header}&apos; to {field}, or to ignore</source>
        <translation>把“{header}”对应到 {field}，或设为忽略</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="181"/>
        <source>leave &apos;{header}&apos; out (map it to ignore)</source>
        <translation>略过“{header}”（设为忽略）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="182"/>
        <source>read the other table at its header row {row}</source>
        <translation>从第 {row} 行的表头读取另一个表格</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="183"/>
        <source>import the sheet again as {kind} rows to read that table</source>
        <translation>以{kind}数据再次导入此工作表，以读取该表格</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="184"/>
        <source>import the sheets one at a time</source>
        <translation>逐个导入这些工作表</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="142"/>
        <location filename="../../gui/import_texts.py" line="37"/>
        <source>hidden in Excel</source>
        <translation>在 Excel 中隐藏</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="35"/>
        <location filename="../../gui/import_texts.py" line="69"/>
        <location filename="../../gui/import_texts.py" line="84"/>
        <source>header row {0}</source>
        <translation>表头在第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="36"/>
        <location filename="../../gui/import_texts.py" line="71"/>
        <location filename="../../gui/import_texts.py" line="86"/>
        <source>header rows {0}–{1} (joined)</source>
        <translation>表头在第 {0}–{1} 行（已合并）</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="38"/>
        <location filename="../../gui/import_texts.py" line="74"/>
        <source>wide: periods as columns</source>
        <translation>宽表：期间为列</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="39"/>
        <location filename="../../gui/import_texts.py" line="76"/>
        <source>long: one row per record</source>
        <translation>长表：每行一条记录</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="40"/>
        <location filename="../../gui/import_texts.py" line="77"/>
        <source>{0}; data rows {1}–{2}; {3}</source>
        <translation>{0}；数据在第 {1}–{2} 行；{3}</translation>
    </message>
    <message>
        <location filename="../../core/importing/describe.py" line="53"/>
        <source>header row {0}; days down rows {1}–{2}, {3} intervals of {4} minutes across columns {5}–{6}</source>
        <translation>表头第 {0} 行；日期在第 {1}–{2} 行，{3} 个 {4} 分钟时段横跨 {5}–{6} 列</translation>
    </message>
    <message>
        <location filename="../../gui/import_texts.py" line="112"/>
        <source>Period (month, quarter or year)</source>
        <translation>期间（月、季度或年）</translation>
    </message>
    <message>
        <location filename="../../core/importing/campaign_dates.py" line="21"/>
        <location filename="../../core/importing/codes.py" line="154"/>
        <source>the campaign&apos;s dates (checked against the campaign)</source>
        <translation>活动的日期（与该活动核对）</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="152"/>
        <source>the unit of each row&apos;s figure</source>
        <translation>每行数值的单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_transposed.py" line="42"/>
        <source>the names across row {0} [{1}–{2}]</source>
        <translation>第 {0} 行横排的名称 [{1}–{2}]</translation>
    </message>
    <message>
        <location filename="../../gui/import_transposed.py" line="49"/>
        <source>{0} [row {1}]</source>
        <translation>{0} [第 {1} 行]</translation>
    </message>
    <message>
        <location filename="../../gui/import_values_view.py" line="61"/>
        <source>Not in the sheet — one value for every row:</source>
        <translation>工作表中没有 — 为每一行指定同一个值：</translation>
    </message>
    <message>
        <location filename="../../gui/import_values_view.py" line="69"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../gui/import_values_view.py" line="83"/>
        <source>{0}, every row:</source>
        <translation>{0}（每一行）：</translation>
    </message>
    <message>
        <location filename="../../gui/import_values_view.py" line="86"/>
        <source>Only if every row has it: {0} holds several names — if they are each row&apos;s {1}, choose {1} for it in the Field column instead</source>
        <translation>仅当每一行都相同时才这样做：{0} 中有多个不同的名称 — 如果它们是每行各自的{1}，请改为在“字段”列中为它选择{1}</translation>
    </message>
</context>
<context>
    <name>ImportHints</name>
    <message>
        <location filename="../../gui/import_hints.py" line="24"/>
        <source>no unit stated for {field}</source>
        <translation>未说明 {field} 的单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="25"/>
        <source>nothing says what these period columns hold (no header above them, title or 单位 line names {field} or a unit)</source>
        <translation>没有说明这些期间列是什么数据（上方没有表头，标题或“单位”行也未写明 {field} 或单位）</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="26"/>
        <source>{where} says these figures are money (&apos;{what}&apos;), not {field}</source>
        <translation>{where}表明这些数字是金额（“{what}”），不是 {field}</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="27"/>
        <source>row {title_row} says these figures are a saving, target, plan, forecast, last year&apos;s, average or other qualified figure (&apos;{what}&apos;), not the {field} itself; if they are the {field} itself</source>
        <translation>第 {title_row} 行表明这些数字是节约量、目标、计划、预测、上年、平均值或其他限定数字（&apos;{what}&apos;），而不是{field}本身；如果它们就是{field}本身</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="28"/>
        <source>the period columns sit under several headers ({what})</source>
        <translation>期间列分属多个表头（{what}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="29"/>
        <source>&apos;{header}&apos; holds cumulative figures (a sum since the start of the year), not each period&apos;s own</source>
        <translation>“{header}”是累计数（自年初起的合计），不是各期自己的数</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="30"/>
        <source>&apos;{header}&apos; states {unit}, as the {field} field, which no other column gives, but it is not read</source>
        <translation>“{header}”写明了 {unit}，相当于 {field} 字段，其他列都没有提供，但它没有被读取</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="31"/>
        <source>the Unit column or a profile says {given} but the sheet says {stated} ({where})</source>
        <translation>“单位”列或导入方案指定为 {given}，但工作表写的是 {stated}（{where}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="32"/>
        <source>{columns} could each be {field}</source>
        <translation>{columns} 都可能是 {field}</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="33"/>
        <source>the sheet holds other tables ({kinds}, header in row {rows}), not imported with this one</source>
        <translation>此工作表还有其他表格（{kinds}，表头在第 {rows} 行），不会与这一张一起导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="34"/>
        <source>several sheets hold {kind} rows ({sheets})</source>
        <translation>有多个工作表包含{kind}数据（{sheets}）</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="35"/>
        <source>the sheet holds another table beside this one ({kinds}, columns {columns}), not imported with it</source>
        <translation>此工作表在此表旁边还有一个表格（{kinds}，{columns} 列），未随此表导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="39"/>
        <location filename="../../gui/import_hints.py" line="65"/>
        <source>a hidden sheet: choose its Kind above to import it</source>
        <translation>隐藏的工作表：在上方选择其“类型”即可导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="40"/>
        <source>give the header&apos;s row number in Header row above, then choose what each column is in the Field column</source>
        <translation>在上方“表头行”中填写表头所在的行号，然后在“字段”列中选择每一列是什么</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="41"/>
        <source>choose the year of the month headers in Year above</source>
        <translation>在上方“年份”中选择月份表头所属的年份</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="42"/>
        <source>choose the Kind above and what each column is in the Field column, or copy the rows into a GreenLedger template</source>
        <translation>在上方选择“类型”，并在“字段”列中选择每一列是什么；或将数据复制到 GreenLedger 模板中</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="43"/>
        <source>choose the unit of {field} in the Unit column (e.g. {unit}), or write it in the header</source>
        <translation>在“单位”列中选择 {field} 的单位（例如 {unit}），或把单位写进表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="44"/>
        <source>choose what the period columns hold ({field}) in the Field column and their unit in the Unit column</source>
        <translation>在“字段”列中选择这些期间列是什么（{field}），并在“单位”列中选择其单位</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="45"/>
        <source>choose {field} in the Field column for the column meant and — ignore — for the others</source>
        <translation>在“字段”列中为所指的那一列选择 {field}，其他列选择“— 忽略 —”</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="46"/>
        <source>choose the field of the header to import in the Field column (its period columns follow it)</source>
        <translation>在“字段”列中为要导入的表头选择字段（其下的期间列随之设置）</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="47"/>
        <source>choose {field} or — ignore — for &apos;{header}&apos; in the Field column</source>
        <translation>在“字段”列中为“{header}”选择 {field} 或“— 忽略 —”</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="48"/>
        <source>import the monthly values (本月, this month) instead, or choose — ignore — for &apos;{header}&apos; in the Field column when the sheet has them</source>
        <translation>改为导入各月自己的数（本月）；如果工作表中有这些数，就在“字段”列中为“{header}”选择“— 忽略 —”</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="49"/>
        <source>to import the other table, set Header row to {row}</source>
        <translation>要导入另一张表格，请把“表头行”设为 {row}</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="50"/>
        <source>to import that table, choose {kind} in Kind above and import the sheet again</source>
        <translation>要导入该表格，请在上方的“类型”中选择{kind}，再导入此工作表</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="51"/>
        <source>untick all but one of these sheets in the sheet list, and import the others afterwards</source>
        <translation>在工作表列表中只勾选其中一个工作表，其余的之后再导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="52"/>
        <source>choose {stated} in the Unit column, or correct the sheet</source>
        <translation>在“单位”列中选择 {stated}，或改正工作表</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="66"/>
        <source>no header row found (no known column headers in the first 30 rows): give its row number in Header row above</source>
        <translation>未找到表头行（前 30 行中没有可识别的列标题）：请在上方“表头行”中填写其行号</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="67"/>
        <source>not a table GreenLedger knows; as {kind} it lacks {missing}: choose what the columns are in the Field column, or one value for every row below the mapping</source>
        <translation>不是 GreenLedger 能识别的表格；作为{kind}数据缺少 {missing}：请在“字段”列中选择各列是什么，或在映射下方为每一行指定同一个值</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="68"/>
        <source>not a table GreenLedger knows; as {kind} it lacks {missing} (its month headers {month} … give no year): choose the year in Year above</source>
        <translation>不是 GreenLedger 能识别的表格；作为{kind}数据缺少 {missing}（其月份表头 {month} … 没有年份）：请在上方“年份”中选择年份</translation>
    </message>
</context>
<context>
    <name>ImportStatusView</name>
    <message>
        <location filename="../../gui/import_status_view.py" line="17"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/import_status_view.py" line="27"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/import_status_view.py" line="40"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ImportsView</name>
    <message>
        <location filename="../../gui/imports_view.py" line="41"/>
        <source>No imports yet. Import a workbook with File › Import workbook (Ctrl+I) or drop it on the window.</source>
        <translation>还没有导入记录。请通过 文件 › 导入工作簿（Ctrl+I）导入，或将工作簿拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="49"/>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="51"/>
        <source>Remove every row the selected import wrote (Ctrl+Z restores it)</source>
        <translation>删除所选导入写入的所有行（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../gui/imports_view.py" line="63"/>
        <source>Select an import first</source>
        <translation>请先选择一次导入</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../gui/field_labels.py" line="40"/>
        <source>factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="41"/>
        <source>sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="42"/>
        <source>campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="43"/>
        <source>energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="44"/>
        <source>deliveries</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="45"/>
        <source>packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../gui/field_labels.py" line="46"/>
        <source>initiatives</source>
        <translation>减排举措</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="56"/>
        <source>title above the header</source>
        <translation>表头上方的标题</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="57"/>
        <source>blank row</source>
        <translation>空行</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="58"/>
        <source>footnote or note</source>
        <translation>脚注或说明</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="59"/>
        <source>totals or subtotals row</source>
        <translation>合计或小计行</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="60"/>
        <source>row of units under the header</source>
        <translation>表头下方的单位行</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="61"/>
        <source>above the header</source>
        <translation>位于表头上方</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="62"/>
        <source>after a footnote (end of the table)</source>
        <translation>位于脚注之后（表格结束）</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="63"/>
        <source>no values in the period columns</source>
        <translation>期间列中没有数值</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="64"/>
        <source>hidden in Excel (skipped as asked)</source>
        <translation>在 Excel 中隐藏（按要求跳过）</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="65"/>
        <source>another table of the sheet (below this one)</source>
        <translation>本表中的另一个表格（位于此表下方）</translation>
    </message>
    <message>
        <location filename="../../core/importing/layout_rows.py" line="66"/>
        <source>a group&apos;s subtotal above its rows (equal to their sum)</source>
        <translation>组的小计，位于其各行之上（等于它们之和）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/pages.py" line="20"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="21"/>
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="22"/>
        <source>Deliveries</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="23"/>
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="24"/>
        <source>Initiatives</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="25"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="26"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="27"/>
        <source>Factors</source>
        <translation>排放因子</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="28"/>
        <source>Imports</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="31"/>
        <source>No energy rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有能源数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="35"/>
        <source>No deliveries rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有配送数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="39"/>
        <source>No packaging rows yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有包装数据：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="43"/>
        <source>No initiatives yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有减排举措：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="47"/>
        <source>No sites yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有站点：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages.py" line="50"/>
        <source>No campaigns yet: import a workbook (Ctrl+I), paste rows from Excel (Ctrl+V) or add one.</source>
        <translation>还没有活动：导入工作簿（Ctrl+I）、从 Excel 粘贴（Ctrl+V）或添加一行。</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="43"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="59"/>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="61"/>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="63"/>
        <source>&amp;Recent workspaces</source>
        <translation>最近的工作区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="66"/>
        <source>&amp;Import workbook…</source>
        <translation>导入工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="68"/>
        <source>Download &amp;template…</source>
        <translation>下载模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="70"/>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="73"/>
        <source>Export &amp;deck (PowerPoint)…</source>
        <translation>导出演示文稿(&amp;D)（PowerPoint）…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="76"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="106"/>
        <source>&amp;Check workspace…</source>
        <translation>检查工作区(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="44"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="82"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="84"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="89"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="90"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="91"/>
        <source>&amp;Delete rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="92"/>
        <source>&amp;Add row…</source>
        <translation>添加行(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="45"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/language.py" line="18"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/language.py" line="21"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="110"/>
        <source>Large numbers in 万/亿</source>
        <translation>大数以万/亿显示</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="112"/>
        <source>Show 450,000,000 kWh as 4.5 亿 and 400,000 t as 40 万 in tables, cards, charts and exports</source>
        <translation>表格、卡片、图表和导出中，将 450,000,000 千瓦时显示为 4.5 亿，400,000 吨显示为 40 万</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="47"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="48"/>
        <source>&amp;About GreenLedger</source>
        <translation>关于 GreenLedger(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>Read-only (open in another window) · </source>
        <translation>只读（已在另一个窗口中打开）· </translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>Open another workspace once the import has finished</source>
        <translation>请在导入完成后再打开其他工作区</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="129"/>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="130"/>
        <location filename="../../gui/menus.py" line="137"/>
        <source>GreenLedger workspaces</source>
        <translation>GreenLedger 工作区</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="136"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="138"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="158"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="169"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="171"/>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="179"/>
        <source>{0} could not be written ({1}): choose a folder you can write to, on a disk with free space.</source>
        <translation>无法写入 {0}（{1}）：请选择一个您可以写入、且所在磁盘有可用空间的文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="184"/>
        <source>Template written to {0}</source>
        <translation>模板已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="233"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="235"/>
        <source>Import {0} undone (Ctrl+Z restores it)</source>
        <translation>已撤销第 {0} 次导入（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="55"/>
        <source>Import workbook</source>
        <translation>导入工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="56"/>
        <source>Workbooks</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="88"/>
        <source>Read Again…</source>
        <translation>重新读取…</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="113"/>
        <source>An import is already running</source>
        <translation>已有导入正在进行</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="167"/>
        <source>{0}: imported {1} new and {2} updated rows</source>
        <translation>{0}：导入新增 {1} 行，更新 {2} 行</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="81"/>
        <location filename="../../gui/import_controller.py" line="169"/>
        <source>{0}: nothing new; every row is already in the workspace</source>
        <translation>{0}：没有新数据，所有行都已在工作区中</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="84"/>
        <source>This file, byte for byte, was imported or checked at {0}, and the workspace has not changed since, so its {1} row(s) were not read again.</source>
        <translation>此文件逐字节相同，已于 {0} 导入或检查过，且此后工作区未曾更改，因此其 {1} 行未再次读取。</translation>
    </message>
    <message>
        <location filename="../../gui/import_controller.py" line="140"/>
        <source>Import refused: nothing was written</source>
        <translation>导入被拒绝：未写入任何数据</translation>
    </message>
    <message>
        <location filename="../../gui/language.py" line="68"/>
        <source>Switch the language once the import has finished</source>
        <translation>请在导入完成后再切换语言</translation>
    </message>
</context>
<context>
    <name>Pictogram</name>
    <message>
        <location filename="../../gui/charts/pictogram.py" line="62"/>
        <source>No figure to show as equivalents</source>
        <translation>没有可换算为等效量的数据</translation>
    </message>
    <message>
        <location filename="../../gui/charts/pictogram.py" line="74"/>
        <source>{0} — from {1}</source>
        <translation>{0} —— 折合自 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/pictogram.py" line="91"/>
        <source>each icon = {0} {1}; factor {2}</source>
        <translation>每个图标 = {0} {1}；换算因子：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/pictogram.py" line="109"/>
        <source>Note: {0}</source>
        <translation>注：{0}</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../core/errors.py" line="51"/>
        <location filename="../../core/errors.py" line="207"/>
        <location filename="../../core/importing/reconcile.py" line="67"/>
        <location filename="../../gui/import_hints.py" line="148"/>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="65"/>
        <source>unknown unit {unit}</source>
        <translation>无法识别的单位 {unit}</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="71"/>
        <source>the period columns hold money ({what}), not a quantity GreenLedger imports</source>
        <translation>期间列是金额（{what}），不是 GreenLedger 导入的数量</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="72"/>
        <source>{n} row(s) hidden in Excel were read: {rows}; unhide them to check, or delete them if they should not count</source>
        <translation>已读取 Excel 中隐藏的 {n} 行：{rows}；请取消隐藏以核对，如不应计入请删除</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="73"/>
        <source>columns hidden in Excel were read: {columns}; unhide them to check, or map them to ignore</source>
        <translation>已读取 Excel 中隐藏的列：{columns}；请取消隐藏以核对，或将其映射为忽略</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="74"/>
        <source>the period ends on {end}, the first day of the next month, so it would count one day too many: write its last day, {last}, as the end</source>
        <translation>期间结束于 {end}，即下个月的第一天，会多算一天：请把最后一天 {last} 写作结束日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="76"/>
        <source>the month headers {first} … {last} cross a year end ({month} follows {after}) but do not say their years: write the year in each header (e.g. 2023-04 … 2024-03), or split the sheet at the year end</source>
        <translation>月份表头 {first} … {last} 跨越了年末（{month} 在 {after} 之后），却没有写明各自的年份：请在每个表头写上年份（例如 2023-04 … 2024-03），或在年末处把工作表拆开</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="78"/>
        <source>a second column for {period} (the first is {other}); delete or rename one</source>
        <translation>{period} 的第二列（第一列是 {other}）；请删除或重命名其中一列</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="81"/>
        <source>numbers written as text in {columns} read two ways ({examples}): they were read with a decimal point; if the dot groups thousands, write them as numbers or as 1.234,5</source>
        <translation>{columns} 中以文本书写的数字有两种读法（{examples}）：已按小数点读取；如果其中的点是千位分隔符，请改为数值或写成 1.234,5</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="84"/>
        <source>not one of: {allowed}</source>
        <translation>不是以下之一：{allowed}</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="85"/>
        <source>absurdly large (over {limit})</source>
        <translation>数值大得不合理（超过 {limit}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="86"/>
        <source>ends before it starts ({start})</source>
        <translation>结束早于开始（{start}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="87"/>
        <source>{source} rows have no instrument (it is for renewable rows only)</source>
        <translation>{source} 行不应有采购方式（仅适用于可再生能源行）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="88"/>
        <source>same {fields} as row {other_row}: combine the two rows or tell them apart</source>
        <translation>与第 {other_row} 行的 {fields} 相同：请合并这两行或加以区分</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="89"/>
        <source>an Excel error value ({value}) where a number is needed</source>
        <translation>此处需要数字，却是 Excel 错误值（{value}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="91"/>
        <source>this cell says {cell_unit} but its column is in {unit} ({where}); write the figure in {unit}, or drop the unit from the header and write each cell&apos;s unit</source>
        <translation>此单元格写的是 {cell_unit}，但该列的单位是 {unit}（{where}）；请以 {unit} 填写该数值，或去掉表头中的单位并在每个单元格中写明单位</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="92"/>
        <source>no unit: other cells of this column state theirs ({units}); write this one&apos;s unit too (e.g. 1,234 {example})</source>
        <translation>缺少单位：该列其他单元格写明了单位（{units}）；请也为此单元格写明单位（例如 1,234 {example}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="93"/>
        <source>this row&apos;s unit {row_unit} ({unit_column}) differs from the column&apos;s {unit} ({where}); drop the unit from the header or correct the row</source>
        <translation>此行的单位 {row_unit}（{unit_column}）与该列的单位 {unit}（{where}）不一致；请去掉表头中的单位，或更正此行</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="94"/>
        <source>unit {unit} is not understood here (use e.g. {examples})</source>
        <translation>无法识别单位 {unit}（请使用例如 {examples}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="96"/>
        <source>every date in {column} reads both day-first and month-first ({examples}); write them year first (2023-01-16) so the day and the month are plain</source>
        <translation>{column} 中的每个日期既可按“日/月”也可按“月/日”读取（{examples}）；请以年份开头书写（2023-01-16），使日和月明确无误</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="97"/>
        <source>{column} has dates only day-first can read ({dmy}) and dates only month-first can read ({mdy}); write them year first (2023-01-16)</source>
        <translation>{column} 中既有只能按“日/月”读取的日期（{dmy}），也有只能按“月/日”读取的日期（{mdy}）；请以年份开头书写（2023-01-16）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="98"/>
        <source>campaign {campaign} runs {start} – {end} ({where}) but this row gives it {given}; correct the row&apos;s dates or the campaign&apos;s</source>
        <translation>活动 {campaign} 的时间为 {start} – {end}（{where}），但此行给出的是 {given}；请更正此行或该活动的日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="99"/>
        <source>rows {rows} (meters {meters}) are summed into one energy row for {site}, {start} to {end}</source>
        <translation>第 {rows} 行（电表 {meters}）已合计为 {site} 在 {start} 至 {end} 的一行用电</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="67"/>
        <source>no unit stated for {field}: put it in the header ({field} ({unit})) or in a 单位 line above the table, or give the unit of {field} (e.g. {unit})</source>
        <translation>{field} 没有注明单位：请写在表头中（{field} ({unit})）或表格上方的“单位：”行中，或给出 {field} 的单位（例如 {unit}）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="66"/>
        <source>{unit} means thousands of {base}, a way of writing the unit that is not read: write the unit as {scaled} in the header (the figures stay as they are), or give the unit of these figures as {scaled}</source>
        <translation>{unit} 表示千 {base}，这种单位写法无法读取：请在表头中把单位写成 {scaled}（数字保持不变），或把这些数字的单位给定为 {scaled}</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="68"/>
        <source>nothing says what these period columns hold (no header above them, title or 单位 line names {field} or a unit); say what the period columns hold ({field}) and their unit</source>
        <translation>无法判断这些期间列是什么数据（其上方的表头、标题或“单位：”行都未注明 {field} 或单位）；请说明这些期间列是什么数据（{field}）及其单位</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="69"/>
        <source>{where} says these figures are money (&apos;{what}&apos;), not {field}; if they are {field}, say what the period columns hold ({field}) and their unit</source>
        <translation>{where} 表明这些数字是金额（“{what}”），而不是 {field}；如果它们确实是 {field}，请说明这些期间列是什么数据（{field}）及其单位</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="70"/>
        <source>the period columns sit under several headers ({what}); map the header over the period columns to import to its field</source>
        <translation>期间列分属多个表头（{what}）；请把要导入的那组期间列上方的表头对应到其字段</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="75"/>
        <source>&apos;{header}&apos; holds cumulative figures (a sum since the start of the year), not each period&apos;s own: import the monthly values (本月, this month) instead, or leave &apos;{header}&apos; out (map it to ignore)</source>
        <translation>“{header}”是累计数（自年初起的合计），不是各期自身的数值：请改为导入本月（当期）数值，或略过“{header}”（设为忽略）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="77"/>
        <source>&apos;{header}&apos; states {unit}, as the {field} field, which no other column gives, but it is not read: map &apos;{header}&apos; to {field}, or to ignore</source>
        <translation>“{header}”标明了单位 {unit}，与 {field} 字段相同，而其他列都没有给出该字段，但此列未被读取：请把“{header}”对应到 {field}，或设为忽略</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="79"/>
        <source>the import is told {given} (an option or a profile) but the sheet says {stated} ({where}); drop one</source>
        <translation>导入设定的单位是 {given}（选项或导入方案），但工作表写的是 {stated}（{where}）；请去掉其中一个</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="80"/>
        <source>{columns} could each be {field}; map the column meant to {field} and the others to ignore</source>
        <translation>{columns} 都可能是 {field}；请把要用的一列对应到 {field}，其余设为忽略</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="82"/>
        <source>numbers written as text in {columns} read two ways ({examples}): they were read with a decimal comma, as the sheet&apos;s other numbers are written (1.234,5); if they have a decimal point, write them as numbers</source>
        <translation>{columns} 中以文本书写的数字有两种读法（{examples}）：已按小数逗号读取，与此表其他数字的写法（1.234,5）一致；如果它们用的是小数点，请以数字形式填写</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="83"/>
        <source>numbers written as text in {columns} read two ways ({examples}): they were read with a decimal point, as the sheet&apos;s other numbers are written (1,234.5); if they have a decimal comma, write them as numbers</source>
        <translation>{columns} 中以文本书写的数字有两种读法（{examples}）：已按小数点读取，与此表其他数字的写法（1,234.5）一致；如果它们用的是小数逗号，请以数字形式填写</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="101"/>
        <source>{site} lists meter {main} and, for the same periods, {subs}, which by their names are its sub-meters or check meters (they measure a part of it, or the same energy): summed, that energy would be counted twice. Import one level only: delete the rows of {subs} in the periods {main} has too (rows {rows}) and import again; {main}&apos;s rows are then {site}&apos;s figures</source>
        <translation>{site} 列出了电表 {main}，并在相同期间列出了 {subs}；从名称看，后者是它的分表或校核表（计量它的一部分，或同一份电量）：相加会把这部分电量重复计算。只导入一个层级：删除 {subs} 在 {main} 也有数据的期间内的行（第 {rows} 行）后重新导入；届时 {main} 的行即为 {site} 的数据</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="102"/>
        <source>meter {main}&apos;s kWh is the sum of {site}&apos;s meters {subs} (within 0.5 %) in {hits} of the {periods} periods it has them beside it: it looks like their main meter, and summed, their energy would be counted twice. Import one level only: delete the rows of {subs} in the periods {main} has too (rows {rows}) and import again; only if every meter is a supply of its own, write one row per period with their sum instead</source>
        <translation>电表 {main} 的电量（kWh）在它与 {site} 的电表 {subs} 同时出现的 {periods} 个期间中，有 {hits} 个等于后者之和（误差 0.5 % 以内）：它看来是这些电表的总表，相加会把它们的电量重复计算。只导入一个层级：删除 {subs} 在 {main} 也有数据的期间内的行（第 {rows} 行）后重新导入；只有当每块电表都是独立的供电点时，才改为每个期间写一行，填它们的合计</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="103"/>
        <source>{site} lists meter {main} and, for the same periods, {subs}, which by their names are its sub-meters; but in {start} to {end} they measure {subs_kwh} kWh, more than {main}&apos;s {main_kwh} kWh, so not all of them are under {main}: summed, some energy would be counted twice, and deleting them all would lose some. Say which are under {main} (a column headed Parent meter naming {main} on their rows) and import again, or write one row per period with {site}&apos;s figure</source>
        <translation>{site} 列出了电表 {main}，并在相同期间列出了 {subs}，从名称看是它的分表；但在 {start} 至 {end}，它们计量了 {subs_kwh} kWh，多于 {main} 的 {main_kwh} kWh，因此并非都在 {main} 之下：相加会重复计算一部分电量，全部删除又会丢失一部分。请注明哪些在 {main} 之下（加一列，列标题为“上级表”或 Parent meter，在这些行填 {main}）后重新导入，或每个期间写一行 {site} 的数据</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="104"/>
        <source>meter {main}&apos;s {kwh} kWh equals the sum of {site}&apos;s meters {subs} (within 0.5 %) in {start} to {end}, in no other period: summed with them as supplies of their own. If {main} is their main meter, delete the rows of {subs} in the periods {main} has too and import again</source>
        <translation>电表 {main} 在 {start} 至 {end} 的 {kwh} kWh 等于 {site} 的电表 {subs} 之和（误差 0.5 % 以内），其他期间并非如此：已作为独立供电点与它们相加。如果 {main} 是它们的总表，请删除 {subs} 在 {main} 也有数据的期间内的行后重新导入</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="105"/>
        <source>{n} rows of the workspace already have this {fields} ({rows}), stored before duplicate rows were refused: delete all but one of them in the table, then import again</source>
        <translation>工作区中已有 {n} 行具有相同的 {fields}（{rows}），是在拒绝重复行之前存入的：请在表中删除多余的行，只保留一行，然后重新导入</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="106"/>
        <source>the sheet holds other tables ({kinds}, header in row {rows}), not imported with this one (one kind of rows per import of a sheet); read the other table at its header row {row}</source>
        <translation>此工作表还包含其他表格（{kinds}，表头在第 {rows} 行），未随此表导入（每次导入一个工作表只能导入一类数据）；请从第 {row} 行的表头读取另一个表格</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="114"/>
        <source>a true/false value where a number is needed</source>
        <translation>此处需要数字，但填写的是真/假值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="115"/>
        <source>a date where a number is needed</source>
        <translation>此处需要数字，但填写的是日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="116"/>
        <source>not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="117"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="118"/>
        <source>not a period (use a month such as 2023-01, 2023年1月 or Jan 2023, a quarter such as 2023Q1, or a year; the year of `1月` can be given for the sheet)</source>
        <translation>不是期间（请用月份，如 2023-01、2023年1月 或 Jan 2023；季度，如 2023Q1；或年份；`1月` 这类表头的年份可为整个工作表给出）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="119"/>
        <source>a true/false value where a date is needed</source>
        <translation>此处需要日期，但填写的是真/假值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="120"/>
        <source>a number that is not a date (dates are 1990 to 2100)</source>
        <translation>不是日期的数字（日期须在 1990 至 2100 年之间）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="121"/>
        <source>a percentage where a quantity is needed</source>
        <translation>此处需要数量，而不是百分比</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="122"/>
        <source>this column writes numbers both with a decimal point (1,234.5) and with a decimal comma (1.234,5); write them one way</source>
        <translation>此列的数字既用小数点（1,234.5）又用小数逗号（1.234,5）书写；请统一一种写法</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="123"/>
        <source>not a date (use 2021-06-18, 2021/6/18 or 2021年6月18日)</source>
        <translation>不是日期（请使用 2021-06-18、2021/6/18 或 2021年6月18日）</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="124"/>
        <source>not a valid calendar date</source>
        <translation>不是有效的日历日期</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="125"/>
        <source>not a year between 1900 and 2100</source>
        <translation>不是 1900 到 2100 之间的年份</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="126"/>
        <source>required value missing</source>
        <translation>缺少必填值</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="127"/>
        <source>negative quantities are not allowed</source>
        <translation>数量不能为负</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="128"/>
        <source>a percentage must be between 0 and 100</source>
        <translation>百分比必须在 0 到 100 之间</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="129"/>
        <source>unknown baseline campaign</source>
        <translation>未知的基准活动</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="130"/>
        <source>not g, kg or t</source>
        <translation>不是 g、kg 或 t</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="131"/>
        <source>unknown site</source>
        <translation>未知站点</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="132"/>
        <source>unknown campaign</source>
        <translation>未知活动</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="133"/>
        <source>unknown site: not in the workspace or on a Sites sheet</source>
        <translation>未知站点：工作区和 Sites 工作表中都没有</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="134"/>
        <source>unknown campaign: not in the workspace or on a Campaigns sheet</source>
        <translation>未知活动：工作区和 Campaigns 工作表中都没有</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="135"/>
        <source>a campaign cannot be its own baseline</source>
        <translation>活动不能以自身为基准</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="136"/>
        <source>give Emissions, or Distance and Vehicle</source>
        <translation>请填写排放量，或填写里程和车辆类型</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="137"/>
        <source>give Reduction, or Activity and Factor</source>
        <translation>请填写减排量，或填写活动量和因子</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="138"/>
        <source>give a Campaign, or both Period start and Period end</source>
        <translation>请填写活动，或同时填写期间开始和期间结束</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="139"/>
        <source>give either a Campaign or a period, not both</source>
        <translation>活动与期间只能填写其一</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="140"/>
        <source>grid and residual factors need a region</source>
        <translation>电网因子和剩余组合因子必须指定地区</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="141"/>
        <source>absurdly large</source>
        <translation>数值大得不合理</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="142"/>
        <source>no grid factor for this region in the factor library or the workspace; add one on a Factors sheet</source>
        <translation>因子库和工作区中都没有该区域的电网因子；请在 Factors 工作表中添加</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="143"/>
        <source>no factor for this material in the library or the workspace; add one on a Factors sheet</source>
        <translation>因子库和工作区中都没有该材料的因子；请在 Factors 工作表中添加</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="216"/>
        <source>import refused: {0} problem(s); nothing was written</source>
        <translation>导入被拒绝：发现 {0} 个问题；未写入任何数据</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="219"/>
        <source>import cancelled; nothing was written</source>
        <translation>导入已取消；未写入任何数据</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="246"/>
        <source>{path}: the disk is full, so nothing was written and the workspace is as it was. Free some space on the disk that holds {folder} (or move the workspace to another disk) and try again.</source>
        <translation>{path}：磁盘已满，因此没有写入任何内容，工作区保持原样。请在存放 {folder} 的磁盘上腾出空间（或把工作区移到另一块磁盘），然后重试。</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="247"/>
        <source>{path}: the folder {folder} or the workspace file is read-only, so nothing was written and the workspace is as it was. Copy the workspace to a folder you can write to (or make this one writable) and open it from there.</source>
        <translation>{path}：文件夹 {folder} 或工作区文件是只读的，因此没有写入任何内容，工作区保持原样。请把工作区复制到您可以写入的文件夹（或让此文件夹可写），再从那里打开。</translation>
    </message>
    <message>
        <location filename="../../core/errors.py" line="248"/>
        <source>{path}: the disk that holds {folder} refused the write (a disk I/O error), so nothing was written and the workspace is as it was. Check that the disk is connected and has free space, then try again.</source>
        <translation>{path}：存放 {folder} 的磁盘拒绝了写入（磁盘 I/O 错误），因此没有写入任何内容，工作区保持原样。请检查磁盘已连接且有可用空间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/cli.py" line="319"/>
        <location filename="../../gui/cli.py" line="417"/>
        <location filename="../../gui/cli_import.py" line="119"/>
        <source>warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/cli.py" line="422"/>
        <source>… and {0} more problem(s): --errors OUT.xlsx marks every one in the workbook</source>
        <translation>……另有 {0} 个问题：--errors OUT.xlsx 会在工作簿中标出每一个</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="129"/>
        <source>{value} {unit} is outside the plausible range for {what}, {low}–{high} {unit} ({source})</source>
        <translation>{value} {unit} 超出{what}的合理范围 {low}–{high} {unit}（{source}）</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="130"/>
        <source>{value} {unit} is outside the plausible range for {what}, {low}–{high} {unit}: it looks like {slip_unit}: write {corrected}, or give the unit {slip_unit}</source>
        <translation>{value} {unit} 超出{what}的合理范围 {low}–{high} {unit}：看起来是 {slip_unit}：请写成 {corrected}，或将单位写为 {slip_unit}</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="131"/>
        <source>{value} {unit} is below {limit} {unit}, unusually low for {what} ({source}); check it</source>
        <translation>{value} {unit} 低于 {limit} {unit}，对{what}而言异常偏低（{source}）；请核对</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="132"/>
        <source>{value} {unit} is below {limit} {unit}, unusually low for {what}: it looks like {slip_unit} (then write {corrected}, or give the unit {slip_unit}); check it</source>
        <translation>{value} {unit} 低于 {limit} {unit}，对{what}而言异常偏低：看起来是 {slip_unit}（若是，请写成 {corrected}，或将单位写为 {slip_unit}）；请核对</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="133"/>
        <source>{value} {unit} is above {limit} {unit}, unusually high for {what} ({source}); check it</source>
        <translation>{value} {unit} 高于 {limit} {unit}，对{what}而言异常偏高（{source}）；请核对</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="134"/>
        <source>{site} used {value} kWh in {month}, 1/{ratio} of its median month ({median} kWh): it reads as {unit}, {fixed} kWh, beside its other months; write {fixed}</source>
        <translation>{site} 在 {month} 用电 {value} kWh，只有其月用电中位数（{median} kWh）的 1/{ratio}：看起来是以 {unit} 填写的，即 {fixed} kWh，与其他月份相当；请写为 {fixed}</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="135"/>
        <source>{site} used {value} kWh in {month}, 1/{ratio} of its median month ({median} kWh); check the unit, and that the month is complete</source>
        <translation>{site} 在 {month} 用电 {value} kWh，只有其月用电中位数（{median} kWh）的 1/{ratio}；请检查单位，以及该月数据是否完整</translation>
    </message>
    <message>
        <location filename="../../core/bounds.py" line="136"/>
        <source>{site} used {value} kWh in {month}, {ratio}× its median month ({median} kWh); check the unit and that the cell is not a total</source>
        <translation>{site} 在 {month} 用电 {value} 千瓦时，是其月中位数（{median} 千瓦时）的 {ratio} 倍；请核对单位，并确认该单元格不是合计</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="32"/>
        <source>{key}: {start} – {end} overlaps {other_start} – {other_end} at {other}{more}, so the same quantity would count twice; delete one of them, or, if this row is the total of the others, make it equal their sum</source>
        <translation>{key}：{start} – {end} 与 {other} 的 {other_start} – {other_end} 重叠{more}，同一数量会被计算两次；请删除其中一行，或者若本行是其他行的合计，使其等于它们之和</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="33"/>
        <source>{key}: {start} – {end} lies inside {other_start} – {other_end}, stored from {other}, which is the total of this import&apos;s rows; delete that stored row first, or do not import these</source>
        <translation>{key}：{start} – {end} 位于已存的 {other_start} – {other_end}（来自 {other}）之内，而该行正是本次导入各行的合计；请先删除该已存行，或不要导入这些行</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="34"/>
        <source>{key}: {start} – {end} starts on {day}, the day {other_start} – {other_end} at {other} ends, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row&apos;s start</source>
        <translation>{key}：{start} – {end} 从 {day} 开始，而 {other} 的 {other_start} – {other_end} 正是在这一天结束，这一天会被计算两次；如果各期是从一次抄表到下一次抄表（抄表日结束一期并开始下一期），请把本行的开始日期写为 {fix}</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="35"/>
        <source>{key}: {start} – {end} ends on {day}, the day {other_start} – {other_end} at {other} starts, so that day would count twice; if the periods run from read to read (the read day ends one period and starts the next), write {fix} as this row&apos;s end</source>
        <translation>{key}：{start} – {end} 在 {day} 结束，而 {other} 的 {other_start} – {other_end} 正是从这一天开始，这一天会被计算两次；如果各期是从一次抄表到下一次抄表（抄表日结束一期并开始下一期），请把本行的结束日期写为 {fix}</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="36"/>
        <source>{key}: {start} – {end} ({value}) is the total of the {n} rows from {first} on: left out, so it is not counted twice</source>
        <translation>{key}：{start} – {end}（{value}）是从 {first} 起 {n} 行的合计：已略去，以免重复计算</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_overlaps.py" line="244"/>
        <source>(and {0} more row(s))</source>
        <translation>（另有 {0} 行）</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_rows.py" line="21"/>
        <source>same {fields} as row {other_row}: the same time twice; if the file is in local time and this is the hour repeated when daylight saving ends, write each time with its UTC offset (01:00+02:00, then 01:00+01:00) and both are counted; otherwise combine the two rows</source>
        <translation>与第 {other_row} 行的 {fields} 相同：同一时刻出现了两次；如果文件用的是本地时间，而这是夏令时结束时重复的那一小时，请在每个时间后写上 UTC 时差（01:00+02:00，然后 01:00+01:00），两者都会计入；否则请合并这两行</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_rows.py" line="22"/>
        <source>same {fields} as {other_sheet} › row {other_row}: combine the two rows or tell them apart</source>
        <translation>与 {other_sheet} › 第 {other_row} 行的 {fields} 相同：请合并这两行或加以区分</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_rows.py" line="106"/>
        <source>no grid factor for this region yet: the site is stored, and its figures say there is no factor until one is added on a Factors sheet</source>
        <translation>该区域暂无电网排放因子：站点已保存，在“排放因子”工作表补充因子之前，其相关数字会注明缺少因子</translation>
    </message>
    <message>
        <location filename="../../core/importing/sheets.py" line="183"/>
        <source>values between 0 and 1 read as fractions (0.3 = 30 %)</source>
        <translation>0 到 1 之间的数值按小数读取（0.3 = 30 %）</translation>
    </message>
    <message>
        <location filename="../../core/importing/sheets.py" line="189"/>
        <source>values of at most 1 under a % header read as percent (0.8 = 0.8 %); if the cells show percentages (80 %), take the % out of the header</source>
        <translation>表头带 % 的列中不大于 1 的数值按百分数读取（0.8 = 0.8 %）；如果单元格显示为百分比（80 %），请去掉表头中的 %</translation>
    </message>
    <message>
        <location filename="../../core/importing/reconcile.py" line="39"/>
        <source>the sheet&apos;s total {label} in {cell} is {written} = {total} {unit}, but the rows imported ({rows}) add up to {imported} {unit}, a difference of {diff} {unit}; correct the rows or the total</source>
        <translation>工作表在 {cell} 的合计“{label}”为 {written} = {total} {unit}，但导入的各行（{rows} 行）之和为 {imported} {unit}，相差 {diff} {unit}；请更正这些行或合计</translation>
    </message>
    <message>
        <location filename="../../core/units.py" line="92"/>
        <source>unit &apos;{unit}&apos; is ambiguous: {meaning}; write t, tonnes or MT for metric tonnes, short tons for US tons</source>
        <translation>单位“{unit}”有歧义：{meaning}；公吨请写 t、tonnes 或 MT，美制短吨请写 short tons</translation>
    </message>
    <message>
        <location filename="../../gui/import_hints.py" line="153"/>
        <source>(blank)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="28"/>
        <source>row {title_row} says these figures are a saving, target, plan, forecast, last year&apos;s, average or other qualified figure (&apos;{what}&apos;), not the {field} itself; if they are the {field} itself, say what the period columns hold ({field}) and their unit</source>
        <translation>第 {title_row} 行表明这些数字是节约量、目标、计划、预测、上年、平均值或其他限定数字（&apos;{what}&apos;），而不是{field}本身；如果它们就是{field}本身，请说明各期间列所含内容（{field}）及其单位</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="29"/>
        <source>&apos;{header}&apos; is a saving, target, forecast, last year&apos;s, average, per-order, cancelled, returned or year-on-year figure (or a rate, reading or export), not the {field} itself, and no other column gives {field}: give the total in a column of its own (e.g. {field} ({unit})); a per-order figure times the orders is not computed</source>
        <translation>“{header}”是节约量、目标、预测、上年、平均、每单、已取消、退货或同比的数值（或费率、电表读数、上网或送出的量），不是 {field} 本身，且没有其他列给出 {field}：请在单独一列中给出总量（例如 {field} ({unit})）；不会用每单数值乘以订单量来计算</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="55"/>
        <source>{value} could be a fraction ({as_fraction} %) or a percentage ({value} %): other cells of this column are written as percentages ({examples}) and its header does not say %: if it means {as_fraction} %, write {as_fraction}; if it means {value} %, add % to the column&apos;s header ({header} (%))</source>
        <translation>{value} 可能是小数（{as_fraction} %），也可能是百分数（{value} %）：本列其他单元格写的是百分数（{examples}），而列标题没有写 %：如果它表示 {as_fraction} %，请写成 {as_fraction}；如果它表示 {value} %，请在列标题中加上 %（{header} (%)）</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="100"/>
        <source>this row looks like a row of the table (its {columns} are filled) but comes after the note in row {note_row}, which ends the table, so it would not be read: move the note below the table&apos;s last row, or delete it</source>
        <translation>此行看似表格中的一行（{columns} 都已填写），但位于第 {note_row} 行的注释之后，而该注释结束了表格，因此此行不会被读取：请把注释移到表格最后一行之下，或删除该注释</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="215"/>
        <source>numbers written as text in {columns} read two ways ({examples}: a decimal mark, or a thousands separator?) and nothing else in the sheet shows which: write thousands without a separator (1.234 meaning one thousand two hundred and thirty-four as 1234) and decimals with other than three decimal places (1.234 meaning one point two three four as 1.2340), or write them as numbers</source>
        <translation>{columns} 中以文本写的数字有两种读法（{examples}：是小数点，还是千位分隔符？），工作表中也没有别的数字能说明是哪一种：千位数请不加分隔符书写（表示一千二百三十四的 1.234 写作 1234），小数请写成不是三位的小数（表示一点二三四的 1.234 写作 1.2340），或写成数字</translation>
    </message>
    <message>
        <location filename="../../core/importing/checks_sheet.py" line="251"/>
        <source>&apos;{header}&apos; is a part of the total in {total} (of which: green power, another source or site): importing the total alone would count the part as {total_field} of the total&apos;s kind; give the parts as rows of their own (with their source and instrument), or leave this column out if the total is right as it is (map &apos;{header}&apos; to ignore)</source>
        <translation>“{header}”是 {total} 中总量的一部分（其中：绿电、其他能源类型或站点）：只导入总量会把这部分算作与总量同类的 {total_field}；请把各部分作为单独的行给出（注明能源类型和采购方式），或在总量本身无误时略过此列（把“{header}”设为忽略）</translation>
    </message>
    <message>
        <location filename="../../core/importing/column_units.py" line="23"/>
        <source>&apos;{header}&apos; says {unit} but {where} says {other}: one of them is wrong, and which cannot be told; correct the one that is wrong (the header or the line above the table)</source>
        <translation>“{header}”注明 {unit}，但{where}注明 {other}：其中一个有误，且无法判断是哪一个；请改正有误的那一处（表头或表格上方的那一行）</translation>
    </message>
    <message>
        <location filename="../../core/importing/dates.py" line="25"/>
        <source>every date in {column} has a two-digit year that could also be read first ({examples}: {first} or {other}); write the year in four digits (2023-01-16)</source>
        <translation>{column} 的每个日期都是两位数年份，也可读作年份在前（{examples}：{first} 或 {other}）；请把年份写成四位（2023-01-16）</translation>
    </message>
    <message>
        <location filename="../../core/importing/meters.py" line="26"/>
        <source>this row (meters {meters}: {new} kWh) would replace the {old} kWh stored for {site}, {start} to {end} (from {where}); the workspace does not keep which meters a stored figure sums, so that figure may hold other meters of {site} too: delete the stored row in the Energy table, then import the rows of every meter of {site} for this period together (add the missing meters&apos; rows to this sheet)</source>
        <translation>此行（电表 {meters}：{new} kWh）将替换 {site} 在 {start} 至 {end} 已存的 {old} kWh（来自 {where}）；工作区不记录已存数字由哪些电表相加而成，该数字可能还含 {site} 的其他电表：请先在用电表中删除该已存行，再把 {site} 本期所有电表的行一起导入（把缺少的电表行加到本表）</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="37"/>
        <source>the period ends when it starts ({start}): a row of one hour runs from its start to the next hour (13:00 to 14:00)</source>
        <translation>该时段的结束时间与开始时间相同（{start}）：一小时的行应从开始时间到下一个整点（13:00 至 14:00）</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="38"/>
        <source>the timestamps of this column are {step} apart, not an interval of a day or less: give a start and an end column</source>
        <translation>此列的时间戳间隔为 {step}，不是一天或更短的时段：请给出开始和结束两列</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="39"/>
        <source>this timestamp is not a whole number of intervals ({step}) after {first}: the rows do not read as one interval each</source>
        <translation>此时间戳与 {first} 相差的不是整数个时段（{step}）：各行无法各读作一个时段</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="40"/>
        <source>one timestamp alone says no interval: give a start and an end column</source>
        <translation>仅有一个时间戳无法确定时段：请给出开始和结束两列</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="41"/>
        <source>this column gives a UTC offset on some rows ({example}) and none on others, so its times cannot all be read the same way; write the offset on every row or on none</source>
        <translation>此列有些行带有 UTC 时差（{example}），有些行没有，无法用同一种方式读取其时间；请每行都写时差，或都不写</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="42"/>
        <source>not a UTC offset that a meter&apos;s local time can have</source>
        <translation>不是电表本地时间可能有的 UTC 时差</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="43"/>
        <source>{n} row(s) are periods with a time of day (as {start} – {end}): each runs from its start up to its end, the end excluded, in the meter&apos;s local time</source>
        <translation>{n} 行是带时刻的时段（如 {start} – {end}）：每段从开始时间到结束时间，不含结束时刻，按电表本地时间</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="44"/>
        <source>each timestamp is read as the {step} it begins ({start} is {start} – {end}), in the meter&apos;s local time</source>
        <translation>每个时间戳读作从它开始的 {step}（{start} 即 {start} – {end}），按电表本地时间</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="45"/>
        <source>this column writes 24:00, so each timestamp is read as the {step} it ends ({end} is {start} – {end}), in the meter&apos;s local time</source>
        <translation>此列写有 24:00，因此每个时间戳读作到它结束的 {step}（{end} 即 {start} – {end}），按电表本地时间</translation>
    </message>
    <message>
        <location filename="../../core/importing/timestamps.py" line="46"/>
        <source>{key}: the local hour {start} is written twice, at {offset} here and {other_offset} on row {other_row} (daylight saving ended): both are counted, stored as that one local hour</source>
        <translation>{key}：本地时间 {start} 这一小时出现了两次，此处为 {offset}，第 {other_row} 行为 {other_offset}（夏令时结束）：两者都计入，合并存为这一个本地小时</translation>
    </message>
    <message>
        <location filename="../../core/importing/tables.py" line="23"/>
        <source>the sheet holds another table beside this one ({kinds}, columns {columns}), not imported with it (one kind of rows per import of a sheet); import the sheet again as {kind} rows to read that table</source>
        <translation>此工作表在此表旁边还有一个表格（{kinds}，{columns} 列），未随此表导入（每次导入一个工作表只能导入一类数据）；请以{kind}数据再次导入此工作表，以读取该表格</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="260"/>
        <source>no sheet has a table GreenLedger recognises ({reasons}) or the template&apos;s headers; {hint}</source>
        <translation>没有工作表含有 GreenLedger 可识别的表格（{reasons}）或模板的表头；{hint}</translation>
    </message>
    <message>
        <location filename="../../core/importing/codes.py" line="261"/>
        <source>no sheet has a table GreenLedger recognises or the template&apos;s headers; {hint}</source>
        <translation>没有工作表含有 GreenLedger 可识别的表格或模板的表头；{hint}</translation>
    </message>
    <message>
        <location filename="../../core/importing/read_to_read.py" line="36"/>
        <source>the periods run from read to read (each starts on the day the one before ends, as {start} – {end} and the next from {end}), read at the month&apos;s end: each read closes its period, which starts the day after the read before, {first} – {end}, so no day counts twice and each period lies in its month</source>
        <translation>各期是从一次抄表到下一次抄表（每期从上一期结束的那天开始，如 {start} – {end}，下一期从 {end} 开始），且在月末抄表：每次抄表结束其所在一期，下一期从上次抄表的次日开始，即 {first} – {end}，这样没有哪一天被计算两次，每期都落在自己的月份</translation>
    </message>
    <message>
        <location filename="../../core/importing/read_to_read.py" line="37"/>
        <source>the periods run from read to read (each starts on the day the one before ends, as {start} – {end} and the next from {end}): read with the read day excluded, {start} – {last}, so no day counts twice</source>
        <translation>各期是从一次抄表到下一次抄表（每期从上一期结束的那天开始，如 {start} – {end}，下一期从 {end} 开始）：读取时不含抄表日，即 {start} – {last}，这样没有哪一天被计算两次</translation>
    </message>
    <message>
        <location filename="../../core/importing/formulas.py" line="33"/>
        <source>formula {formula} has no saved value: open and save the file in Excel or LibreOffice</source>
        <translation>公式 {formula} 没有保存的值：请在 Excel 或 LibreOffice 中打开并保存该文件</translation>
    </message>
    <message>
        <location filename="../../core/importing/formulas.py" line="34"/>
        <source>formula {formula} gives the error {error} (so saved in the file), an error value, not a number: correct the formula or its inputs in the workbook</source>
        <translation>公式 {formula} 的结果是错误值 {error}（文件中即如此保存），不是数字：请在工作簿中修正该公式或其输入</translation>
    </message>
    <message>
        <location filename="../../core/importing/transposed.py" line="121"/>
        <source>this row (&apos;{label}&apos;) sits among the periods of a table with periods down the rows, holds figures and is not a period or a total: it would not be read; write its period (e.g. 2023-04) in {cell}, or delete the row if it is not data</source>
        <translation>此行（“{label}”）位于按行排列期间的表格的各期间之间，含有数字，但既不是期间也不是合计：它不会被读取；请在 {cell} 中写明其期间（如 2023-04），若不是数据则删除该行</translation>
    </message>
    <message>
        <location filename="../../core/importing/values.py" line="296"/>
        <source>a number where a grid region&apos;s name is needed: is this column the grid region?</source>
        <translation>这里需要电网区域的名称，却是一个数字：这一列是电网区域吗？</translation>
    </message>
    <message>
        <location filename="../../core/importing/file_factors.py" line="28"/>
        <source>&apos;{key}&apos; is not a factor key that depends on a grid region ({region}), so it would never be used: write grid (电网) for the grid&apos;s average factor or residual (剩余组合) for its residual mix, or leave the region blank for another factor</source>
        <translation>&apos;{key}&apos; 不是随电网区域（{region}）而定的因子键，因此永远不会被使用：电网平均排放因子请写 grid（电网），剩余组合请写 residual（剩余组合）；其他因子请将区域留空</translation>
    </message>
    <message>
        <location filename="../../core/importing/file_factors.py" line="29"/>
        <source>&apos;{key}&apos; is not a key of a factor per {per}, so it would never be used: write one of {keys}</source>
        <translation>&apos;{key}&apos; 不是按 {per} 计的因子键，因此永远不会被使用：请写以下之一：{keys}</translation>
    </message>
    <message>
        <location filename="../../core/importing/source.py" line="26"/>
        <source>the file changed on disk after it was read; open it again to import what it holds now</source>
        <translation>文件在读取后已在磁盘上更改；请重新打开它，以导入其现在的内容</translation>
    </message>
    <message>
        <location filename="../../core/importing/source.py" line="27"/>
        <source>the file changed on disk while it was being read (still being saved or synced?); import it again once it is saved</source>
        <translation>文件在读取过程中已在磁盘上更改（仍在保存或同步？）；保存完成后请重新导入</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="47"/>
        <source>columns {first} … {last} are read as the {n} intervals of each row&apos;s day ({step} minutes each: {first} is {start} – {end}), in the meter&apos;s local time</source>
        <translation>{first} … {last} 列按每行当天的 {n} 个时段读取（每段 {step} 分钟：{first} 为 {start} – {end}），按电表的当地时间</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="48"/>
        <source>{n} interval cell(s) are blank (the first at {cell}): intervals without a figure, not stored</source>
        <translation>{n} 个时段单元格为空（第一个在 {cell}）：这些时段没有数字，未存储</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="49"/>
        <source>the row&apos;s total {total} at {cell} is not the sum of its intervals ({computed}): correct the total or the intervals</source>
        <translation>{cell} 处该行合计 {total} 不等于其各时段之和（{computed}）：请更正合计或各时段数值</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="50"/>
        <source>every date in {column} reads both day-first and month-first ({example}), and nothing in the column says which: write the dates with the year first (2023-03-01)</source>
        <translation>{column} 中的每个日期都既可按日在前、也可按月在前读取（{example}），且该列中没有任何信息能确定是哪一种：请将日期写成年份在前的形式（2023-03-01）</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="51"/>
        <source>the intervals of row {row} never fall and change far less than they are ({first} … {last}): a meter&apos;s register read at each time, not each interval&apos;s use; import the differences between reads</source>
        <translation>第 {row} 行的各时段数值从不下降，且变化远小于其本身（{first} … {last}）：这是电表在各时刻的累计读数，而不是各时段的用量；请导入相邻读数之差</translation>
    </message>
    <message>
        <location filename="../../core/importing/intervals.py" line="52"/>
        <source>{n} intervals in one sheet, more than {limit}: import the data in smaller sheets</source>
        <translation>一个工作表中有 {n} 个时段，超过 {limit}：请分成较小的工作表导入</translation>
    </message>
    <message>
        <location filename="../../core/importing/memo.py" line="42"/>
        <source>the workspace changed while this import was being checked (another window or process wrote to it), so what was checked may no longer hold; nothing was written: import the file again</source>
        <translation>在检查此次导入期间工作区已被更改（另一个窗口或进程写入了它），因此检查结果可能不再成立；未写入任何数据：请重新导入该文件</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../gui/problems_dialog.py" line="57"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="80"/>
        <source>{0} problem(s). Correct them and try again.</source>
        <translation>共 {0} 个问题。请更正后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="92"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="93"/>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="100"/>
        <source>Save &amp;marked workbook…</source>
        <translation>保存标注后的工作簿(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="101"/>
        <source>A copy of the workbook with every bad cell filled and commented with the reason: fix it in Excel, import again</source>
        <translation>工作簿副本：每个有问题的单元格都会着色并加批注说明原因；在 Excel 中改正后重新导入</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="126"/>
        <location filename="../../gui/problems_dialog.py" line="133"/>
        <source>Save marked workbook</source>
        <translation>保存标注后的工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="127"/>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="140"/>
        <source>Save problems</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <location filename="../../gui/problems_dialog.py" line="140"/>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
</context>
<context>
    <name>Reconcile</name>
    <message>
        <location filename="../../core/importing/reconcile.py" line="68"/>
        <source>column {0}</source>
        <translation>第 {0} 列</translation>
    </message>
    <message>
        <location filename="../../core/importing/reconcile.py" line="70"/>
        <source>{0} {1}: {2} columns = the sum of their period cells ✓</source>
        <translation>{0} {1}：{2} 列均等于其各期单元格之和 ✓</translation>
    </message>
    <message>
        <location filename="../../core/importing/reconcile.py" line="73"/>
        <source>{0} {1}: {2} rows = the sum of their period cells ✓</source>
        <translation>{0} {1}：{2} 行均等于其各期单元格之和 ✓</translation>
    </message>
    <message>
        <location filename="../../core/importing/reconcile.py" line="76"/>
        <source>{0} {1} {2} = {3} {4} imported ✓</source>
        <translation>{0} {1} {2} = 导入 {3} {4} ✓</translation>
    </message>
    <message>
        <location filename="../../core/importing/reconcile.py" line="78"/>
        <source>{0} {1} {2}: {3} {4} imported ✗ (differs by {5} {4})</source>
        <translation>{0} {1} {2}：导入 {3} {4} ✗（相差 {5} {4}）</translation>
    </message>
</context>
<context>
    <name>RecordModel</name>
    <message>
        <location filename="../../gui/record_model.py" line="31"/>
        <source>being computed: the workspace&apos;s figures are read in the background</source>
        <translation>计算中：正在后台读取工作区的数据</translation>
    </message>
    <message>
        <location filename="../../gui/record_model.py" line="33"/>
        <source>A computed column sorts tables of up to {0} rows: filter the rows first (shown: {1})</source>
        <translation>计算列只能对不超过 {0} 行的表排序：请先筛选（当前显示 {1} 行）</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <location filename="../../core/chart_data.py" line="302"/>
        <source>China</source>
        <translation>全国</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="303"/>
        <source>North China</source>
        <translation>华北</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="304"/>
        <source>Northeast China</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="305"/>
        <source>East China</source>
        <translation>华东</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="306"/>
        <source>Central China</source>
        <translation>华中</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="307"/>
        <source>Northwest China</source>
        <translation>西北</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="308"/>
        <source>Southwest China</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="309"/>
        <source>South China</source>
        <translation>南方</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="310"/>
        <source>Inner Mongolia</source>
        <translation>内蒙古</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="311"/>
        <source>Hebei</source>
        <translation>河北</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="312"/>
        <source>Shanxi</source>
        <translation>山西</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="313"/>
        <source>Anhui</source>
        <translation>安徽</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="314"/>
        <source>Fujian</source>
        <translation>福建</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="315"/>
        <source>Guangxi</source>
        <translation>广西</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="316"/>
        <source>Qinghai</source>
        <translation>青海</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="317"/>
        <source>Sichuan</source>
        <translation>四川</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <location filename="../../gui/charts/render.py" line="91"/>
        <source>unknown size {0}; use one of {1}</source>
        <translation>未知尺寸 {0}；可选：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/render.py" line="220"/>
        <source>{0}: cannot be written</source>
        <translation>{0}：无法写入</translation>
    </message>
    <message>
        <location filename="../../gui/charts/render.py" line="334"/>
        <source>{0}: export as .png, .svg or .pdf</source>
        <translation>{0}：只能导出为 .png、.svg 或 .pdf</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../core/report.py" line="77"/>
        <source>Workspace {0} (factor library {1})</source>
        <translation>工作区 {0}（排放因子库 {1}）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="64"/>
        <source>Gas basis of {0}: {1}</source>
        <translation>{0}的气体口径：{1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="82"/>
        <source>Energy and Scope 1/2 by site and year</source>
        <translation>各站点各年度能源与范围一/二排放</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="83"/>
        <location filename="../../core/report.py" line="211"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="83"/>
        <location filename="../../core/report.py" line="144"/>
        <location filename="../../core/report.py" line="179"/>
        <location filename="../../core/report.py" line="211"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="84"/>
        <source>Total kWh</source>
        <translation>总电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="84"/>
        <source>Renewable kWh</source>
        <translation>可再生电量（千瓦时）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="85"/>
        <source>Renewable share</source>
        <translation>可再生能源占比</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="86"/>
        <location filename="../../core/report.py" line="95"/>
        <source>Location-based t</source>
        <translation>基于位置（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="87"/>
        <location filename="../../core/report.py" line="96"/>
        <source>Market-based t</source>
        <translation>基于市场（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="88"/>
        <location filename="../../core/report.py" line="97"/>
        <source>Scope 1 t</source>
        <translation>范围一（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="89"/>
        <location filename="../../core/report.py" line="98"/>
        <location filename="../../core/report.py" line="110"/>
        <location filename="../../core/report.py" line="120"/>
        <source>Avoided t*</source>
        <translation>避免排放（吨）*</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="102"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="103"/>
        <location filename="../../core/report.py" line="123"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="103"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="104"/>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="104"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="105"/>
        <location filename="../../core/report.py" line="118"/>
        <source>Emissions t</source>
        <translation>排放量（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="106"/>
        <source>kg/order</source>
        <translation>千克/单</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="107"/>
        <location filename="../../core/report.py" line="109"/>
        <source>vs baseline</source>
        <translation>较基准</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="108"/>
        <location filename="../../core/report.py" line="119"/>
        <source>Packaging t</source>
        <translation>包装排放（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="109"/>
        <source>Packaging kg/order</source>
        <translation>包装（千克/单）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="121"/>
        <source>Initiatives</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="122"/>
        <source>Initiative</source>
        <translation>减排举措</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="122"/>
        <source>Business unit</source>
        <translation>业务单元</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="123"/>
        <source>Reduction t</source>
        <translation>减排量（吨）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="127"/>
        <source>Avoided emissions from renewables*: {0} {1}</source>
        <translation>可再生能源避免排放*：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="129"/>
        <source>Initiative reductions: {0} {1}</source>
        <translation>减排措施减排量：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="131"/>
        <source>* avoided emissions are reported beside the inventory, never subtracted from it nor added to the reductions</source>
        <translation>* 避免排放在排放清单之外单独报告，既不从清单中扣减，也不与减排量相加</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="134"/>
        <source>Equivalents of the avoided emissions</source>
        <translation>避免排放量等效换算</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="137"/>
        <source>Equivalents of the initiative reductions</source>
        <translation>减排措施减排量等效换算</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="140"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="142"/>
        <source>Factors used</source>
        <translation>采用的排放因子</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="143"/>
        <location filename="../../core/report.py" line="178"/>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="143"/>
        <location filename="../../core/report.py" line="178"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="144"/>
        <location filename="../../core/report.py" line="157"/>
        <location filename="../../core/report.py" line="179"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="145"/>
        <location filename="../../core/report.py" line="180"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="145"/>
        <location filename="../../core/report.py" line="158"/>
        <location filename="../../core/report.py" line="181"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="146"/>
        <source>Fallback</source>
        <translation>替代说明</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="157"/>
        <source>Equivalent</source>
        <translation>等效项</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="158"/>
        <source>kg CO2e per unit</source>
        <translation>每单位千克二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="161"/>
        <source>- {0}: {1}</source>
        <translation>- {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="167"/>
        <source>{0} t CO2e is about:</source>
        <translation>{0} 吨二氧化碳当量约相当于：</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="173"/>
        <source>Workspace factor library: {0}; built in: {1}</source>
        <translation>工作区排放因子库：{0}；内置：{1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="176"/>
        <source>A newer built-in library is available: `greenledger factors update` shows how it changes the figures.</source>
        <translation>有更新的内置排放因子库：运行 `greenledger factors update` 可查看它对各项数据的影响。</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="180"/>
        <source>Origin</source>
        <translation>出处</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="209"/>
        <source>Factor library {0} → {1}</source>
        <translation>排放因子库 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="212"/>
        <source>Location t now</source>
        <translation>基于位置（吨，当前）</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="212"/>
        <location filename="../../core/report.py" line="213"/>
        <source>after</source>
        <translation>更新后</translation>
    </message>
    <message>
        <location filename="../../core/report.py" line="213"/>
        <source>Market t now</source>
        <translation>基于市场（吨，当前）</translation>
    </message>
</context>
<context>
    <name>SheetListModel</name>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="124"/>
        <source>not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="126"/>
        <source>left out</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="128"/>
        <source>{0} problem(s)</source>
        <translation>{0} 个问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="129"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="135"/>
        <source>Nothing to import from this sheet: see the line above the mapping</source>
        <translation>此工作表没有可导入的内容：见映射上方的说明</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="137"/>
        <source>Refused until its problems are put right; untick it to import the other sheets without it</source>
        <translation>问题改正之前不能导入；取消勾选即可不含此表导入其他工作表</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="139"/>
        <source>Untick to leave this sheet out of the import</source>
        <translation>取消勾选即可不导入此工作表</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="153"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="153"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="153"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../gui/import_sheet_model.py" line="153"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <location filename="../../gui/import_cells_model.py" line="71"/>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../gui/import_cells_model.py" line="77"/>
        <location filename="../../gui/import_cells_model.py" line="84"/>
        <source>header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <location filename="../../gui/import_cells_model.py" line="81"/>
        <location filename="../../gui/import_cells_model.py" line="88"/>
        <source>outside the data block</source>
        <translation>数据区之外</translation>
    </message>
    <message>
        <location filename="../../gui/import_cells_model.py" line="113"/>
        <location filename="../../gui/import_cells_model.py" line="126"/>
        <source>hidden in Excel</source>
        <translation>在 Excel 中隐藏</translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <location filename="../../core/story_text.py" line="61"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="73"/>
        <source>entered in the window</source>
        <translation>在窗口中录入</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="74"/>
        <source>{0}: 1 row</source>
        <translation>{0}：1 行</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="75"/>
        <source>{0}: {1} rows</source>
        <translation>{0}：{1} 行</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="77"/>
        <source>, {0}</source>
        <translation>，{0}</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="79"/>
        <source>, row {0}</source>
        <translation>，第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="114"/>
        <source>CO2 only</source>
        <translation>仅二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="114"/>
        <source>CO2e</source>
        <translation>二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="115"/>
        <source>grid</source>
        <translation>电网</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="116"/>
        <source>{0} factor, {1}</source>
        <translation>{0}排放因子，{1}</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="117"/>
        <source>{0} factor</source>
        <translation>{0}排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="118"/>
        <source>{0} {1}: {2} {3} ({4}, {5}; {6})</source>
        <translation>{0} {1}：{2} {3}（{4}，{5}；{6}）</translation>
    </message>
    <message>
        <location filename="../../core/story_text.py" line="123"/>
        <source>; the {0} value is used for {1}</source>
        <translation>；{1} 年沿用 {0} 年数值</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="87"/>
        <source>{0} against its baseline {1}</source>
        <translation>{0} 对比基线 {1}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="88"/>
        <source>{0} against its baseline {1} (all campaigns: the latest with a baseline)</source>
        <translation>{0} 对比基线 {1}（全部活动：显示最近一个设有基线的活动）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="107"/>
        <source>kg CO2 per order</source>
        <translation>千克二氧化碳/单</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="107"/>
        <source>kg CO2e per order</source>
        <translation>千克二氧化碳当量/单</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="111"/>
        <source>{0} ({1}): {2} orders, {3} {4} = {5} {6}; rows: {7}</source>
        <translation>{0}（{1}）：{2} 单，{3} {4} = {5} {6}；数据行：{7}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="115"/>
        <location filename="../../core/story.py" line="241"/>
        <location filename="../../core/story.py" line="242"/>
        <location filename="../../core/story.py" line="332"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="119"/>
        <source>Vehicle factors: {0}</source>
        <translation>车辆排放因子：{0}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="121"/>
        <source>Emissions as given in the rows where given, else distance × the vehicle factor; change = {0} ÷ {1} − 1</source>
        <translation>排放量取自数据行中填报的数值，未填报时为里程 × 车辆排放因子；变化 = {0} ÷ {1} − 1</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="125"/>
        <source>Carbon per order</source>
        <translation>单均碳排放</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="126"/>
        <source>{0} → {1} {2}</source>
        <translation>{0} → {1} {2}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="154"/>
        <source>{0}: {1} (no rows in {2})</source>
        <translation>{0}：{1}（{2} 无数据行）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="157"/>
        <source>{0}: rows: {1}</source>
        <translation>{0}：数据行：{1}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="160"/>
        <source>{0}: {1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="162"/>
        <source>{0}, renewable share in the windows: {1} of {2} in {3} → {4} of {5} in {6} (rows overlapping a window prorated by days); rows: {7}; then {8}</source>
        <translation>{0}，活动期间的可再生能源占比：{3} 为 {2} 中的 {1} → {6} 为 {5} 中的 {4}（与活动期间重叠的数据行按天数折算）；数据行：{7}；{8}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="170"/>
        <source>{0} → {1}: {2} → {3}</source>
        <translation>{0} → {1}：{2} → {3}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="176"/>
        <source>{0}, the last full month before each window: {1} of {2} in {3} → {4} of {5} in {6}; rows: {7}; then {8}</source>
        <translation>{0}，各活动开始前最后一个完整月份：{3} 为 {2} 中的 {1} → {6} 为 {5} 中的 {4}；数据行：{7}；{8}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="186"/>
        <source>Renewable share = wind, solar, hydro, biomass and geothermal kWh ÷ all kWh; no emission factor is used</source>
        <translation>可再生能源占比 = 风电、光伏、水电、生物质和地热电量 ÷ 总电量；未使用排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="190"/>
        <source>Renewable share, then → now</source>
        <translation>可再生能源占比：基线 → 本期</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="191"/>
        <source>{0} → {1} (the campaigns&apos; windows)</source>
        <translation>{0} → {1}（两次活动期间）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="200"/>
        <source>and {0} more sites (see the tooltip)</source>
        <translation>另有 {0} 个站点（见提示）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="210"/>
        <source>{0} × {1} {2}</source>
        <translation>{0} × {1} {2}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="211"/>
        <source>{0} × each year&apos;s grid factor</source>
        <translation>{0} × 各年电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="235"/>
        <location filename="../../core/story.py" line="299"/>
        <source>{0}: {1} {2}</source>
        <translation>{0}：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="238"/>
        <source>{0}: {1} of renewable electricity in {2} × the grid factor = {3} {4}; rows: {5}; factor: {6}</source>
        <translation>{0}：{2} 可再生能源电量 {1} × 电网排放因子 = {3} {4}；数据行：{5}；排放因子：{6}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="243"/>
        <source>Avoided emissions are reported beside the inventory, never deducted from it, and not added to the initiatives&apos; reductions</source>
        <translation>避免排放与排放清单并列报告，从不从清单中抵扣，也不与减排举措的减排量相加</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="249"/>
        <source>As {0}: {1} ({2} kg each, {3})</source>
        <translation>折合{0}：{1}（每单位 {2} 千克，{3}）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="253"/>
        <source>{0}: no grid factor</source>
        <translation>{0}：无电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="256"/>
        <source>Avoided emissions in the campaign</source>
        <translation>活动期间的避免排放</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="257"/>
        <location filename="../../core/story.py" line="312"/>
        <source>{0}, renewable kWh × grid factor</source>
        <translation>{0}，可再生能源电量 × 电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="292"/>
        <source>{0}: no grid factor for {1}</source>
        <translation>{0}：{1} 年无电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="301"/>
        <source>{0}: {1} of renewable electricity in {2} × each year&apos;s grid factor = {3} {4}; rows: {5}; factors: {6}</source>
        <translation>{0}：{2} 可再生能源电量 {1} × 各年电网排放因子 = {3} {4}；数据行：{5}；排放因子：{6}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="306"/>
        <source>From each site&apos;s first month with renewable rows through the campaign&apos;s month; beside the inventory, never deducted</source>
        <translation>自各站点首个有可再生能源数据的月份起，至活动所在月份止；与排放清单并列报告，从不抵扣</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="311"/>
        <source>Avoided since {0}</source>
        <translation>{0} 年以来的避免排放</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="331"/>
        <source>{0} ({1}), {2}: rows: {3}</source>
        <translation>{0}（{1}），{2}：数据行：{3}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="335"/>
        <source>The reduction is given in the row: {0} {1}</source>
        <translation>减排量为数据行直接填报：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="338"/>
        <source>Activity × factor: {0} {1} × {2} kg CO2e per {1} = {3} {4}</source>
        <translation>活动量 × 排放因子：{0} {1} × 每{1} {2} 千克二氧化碳当量 = {3} {4}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="344"/>
        <source>≈ {0} {1}</source>
        <translation>≈ {0} {1}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="346"/>
        <source>Equivalent: {0} t × 1,000 ÷ {1} kg per {2} = {3} ({4}: {5})</source>
        <translation>等效换算：{0} 吨 × 1,000 ÷ 每{2} {1} 千克 = {3}（{4}：{5}）</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="352"/>
        <source>Initiative of {0}: {1}</source>
        <translation>{0}的减排举措：{1}</translation>
    </message>
    <message>
        <location filename="../../core/story.py" line="354"/>
        <source>reduction in {0}</source>
        <translation>{0} 期间的减排量</translation>
    </message>
</context>
<context>
    <name>StoryBand</name>
    <message>
        <location filename="../../gui/story_band.py" line="33"/>
        <source>… and {0} more sentences (every site): the deck&apos;s notes give them all.</source>
        <translation>……另有 {0} 句（每个站点各一句），演示文稿备注中列出全部内容。</translation>
    </message>
    <message>
        <location filename="../../gui/story_band.py" line="101"/>
        <source>Hover a figure for the rows and factors it comes from.</source>
        <translation>将鼠标悬停在数据上，可查看其来源数据行和排放因子。</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../core/suspects.py" line="63"/>
        <source>possible double count: initiative &apos;{0}&apos; counts {1} {2} of renewable power, and {3} has {4} kWh of on-site renewable energy rows in the same period; count rooftop power once (as energy rows or as the initiative)</source>
        <translation>可能重复计算：减排措施“{0}”计入了 {1} {2} 可再生电力，而 {3} 在同一期间已有 {4} 千瓦时的自建可再生能源用能记录；屋顶发电只应计算一次（作为用能记录或作为减排措施）</translation>
    </message>
    <message>
        <location filename="../../core/suspects.py" line="85"/>
        <source>{0}: {1} rows ({2}) name no Country, so China&apos;s grid is assumed for the vehicle&apos;s electricity; give the business unit&apos;s Country (e.g. United Kingdom) in the Country column</source>
        <translation>{0}：{1} 的 {2} 行未填写国家（Country），因此按中国电网计算该车辆的用电排放；请在 Country 列填写该业务单元所在国家（如 United Kingdom）</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="71"/>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="72"/>
        <source>{0} id {1}</source>
        <translation>{0} 编号 {1}</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="394"/>
        <source>t CO2; {0} CO2 only</source>
        <translation>吨二氧化碳；{0}仅含二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="395"/>
        <source>t CO2e, in part CO2 only ({0} CO2 only)</source>
        <translation>吨二氧化碳当量，部分仅含二氧化碳（{0}仅含二氧化碳）</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="398"/>
        <source>grid factors</source>
        <translation>电网排放因子</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="399"/>
        <source>the diesel factor</source>
        <translation>柴油排放因子</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="400"/>
        <source>some vehicle factors</source>
        <translation>部分车辆排放因子</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="401"/>
        <source>some material factors</source>
        <translation>部分材料排放因子</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="402"/>
        <source>initiative factors</source>
        <translation>减排措施因子</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../gui/table_model.py" line="188"/>
        <source>Computed, read-only</source>
        <translation>计算得出，只读</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <location filename="../../gui/table_view.py" line="48"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="49"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="51"/>
        <location filename="../../gui/table_view.py" line="52"/>
        <location filename="../../gui/table_view.py" line="53"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="157"/>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="198"/>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="225"/>
        <source>&amp;Add row…</source>
        <translation>添加行(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="227"/>
        <source>&amp;Delete rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="236"/>
        <source>Double-click a cell to edit · Ctrl+V pastes rows from Excel · shaded columns are computed</source>
        <translation>双击单元格进行编辑 · Ctrl+V 粘贴 Excel 中的行 · 灰底列为计算结果</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="263"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="283"/>
        <source>Sorting and filtering {0} row(s)…</source>
        <translation>正在排序和筛选 {0} 行…</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="286"/>
        <source>{0} row(s)</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="288"/>
        <source>{0} of {1} row(s)</source>
        <translation>{0} / {1} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="63"/>
        <source>Select the rows to delete first</source>
        <translation>请先选择要删除的行</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="68"/>
        <source>Rows not deleted</source>
        <translation>未删除任何行</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="71"/>
        <source>Deleted {0} row(s) (Ctrl+Z undoes)</source>
        <translation>已删除 {0} 行（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="102"/>
        <source>Paste {0}×{1}</source>
        <translation>粘贴 {0}×{1}</translation>
    </message>
    <message>
        <location filename="../../gui/table_view.py" line="400"/>
        <source>Copied {0} row(s)</source>
        <translation>已复制 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="123"/>
        <source>Paste refused: nothing was changed</source>
        <translation>粘贴被拒绝：未做任何修改</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="128"/>
        <source>Pasted {0} row(s): {1} changed, {2} added, {3} already as pasted (Ctrl+Z undoes)</source>
        <translation>已粘贴 {0} 行：修改 {1} 行，新增 {2} 行，{3} 行与粘贴内容相同（Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/table_edits.py" line="132"/>
        <source>Pasted {0} row(s): {1} changed, {2} added (Ctrl+Z undoes)</source>
        <translation>已粘贴 {0} 行：修改 {1} 行，新增 {2} 行（Ctrl+Z 可撤销）</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../core/chart_data.py" line="272"/>
        <source>kt CO2</source>
        <translation>千吨二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="272"/>
        <location filename="../../core/summary.py" line="416"/>
        <source>t CO2</source>
        <translation>吨二氧化碳</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="273"/>
        <source>kt CO2e</source>
        <translation>千吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/chart_data.py" line="273"/>
        <location filename="../../core/summary.py" line="416"/>
        <source>t CO2e</source>
        <translation>吨二氧化碳当量</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="110"/>
        <source>kg CO2/kWh</source>
        <translation>千克二氧化碳/千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="111"/>
        <source>kg CO2e/kWh</source>
        <translation>千克二氧化碳当量/千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="112"/>
        <source>kg CO2e/kg</source>
        <translation>千克二氧化碳当量/千克</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="113"/>
        <source>kg CO2e/km</source>
        <translation>千克二氧化碳当量/公里</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="114"/>
        <source>kg CO2e/tkm</source>
        <translation>千克二氧化碳当量/吨公里</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="115"/>
        <source>kg CO2e/L</source>
        <translation>千克二氧化碳当量/升</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="116"/>
        <source>kg CO2/L</source>
        <translation>千克二氧化碳/升</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="145"/>
        <location filename="../../core/chart_common.py" line="156"/>
        <location filename="../../core/chart_common.py" line="161"/>
        <source>kWh</source>
        <translation>千瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="158"/>
        <source>GWh</source>
        <translation>吉瓦时</translation>
    </message>
    <message>
        <location filename="../../core/chart_common.py" line="160"/>
        <source>MWh</source>
        <translation>兆瓦时</translation>
    </message>
    <message>
        <location filename="../../core/units.py" line="37"/>
        <source>a metric tonne (t) or a US short ton (0.907 t)</source>
        <translation>公吨（t）或美制短吨（0.907 t）</translation>
    </message>
    <message>
        <location filename="../../core/units.py" line="38"/>
        <source>metric tonnes (t) or US short tons (0.907 t)</source>
        <translation>公吨（t）或美制短吨（0.907 t）</translation>
    </message>
    <message>
        <location filename="../../core/units.py" line="39"/>
        <source>MT (metric tonnes) or Mt (megatonnes)</source>
        <translation>MT（公吨）或 Mt（百万吨）</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../gui/value_labels.py" line="13"/>
        <source>Data center</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="13"/>
        <source>Distribution center</source>
        <translation>配送中心</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="14"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="14"/>
        <source>Office</source>
        <translation>办公楼</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="15"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="15"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="16"/>
        <source>Van diesel</source>
        <translation>柴油货车</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="16"/>
        <source>Van petrol</source>
        <translation>汽油货车</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="17"/>
        <source>Van electric</source>
        <translation>电动货车</translation>
    </message>
    <message>
        <location filename="../../gui/value_labels.py" line="17"/>
        <source>Truck diesel</source>
        <translation>柴油卡车</translation>
    </message>
</context>
</TS>
